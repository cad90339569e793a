import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cleanupTestData, createTestTeam, createTestUser, randomEmail } from "@/lib/testing/factories";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp";
import { sendInvitationMail } from "./send-invitation-mail";

const APP_URL = "https://pathwise.example";

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink({ appUrl: APP_URL });
});
afterAll(async () => {
  await smtp.close();
  await cleanupTestData();
});

describe("sendInvitationMail", () => {
  it("names the team and the inviter, links to APP_URL, in the invitee's saved language (not the inviter's)", async () => {
    const inviter = await createTestUser({ name: "Ada Inviter" });
    await db.user.update({ where: { id: inviter.id }, data: { locale: "en" } });
    const team = await createTestTeam({ ownerId: inviter.id, name: "Acme <Growth> Team" });
    const invitee = await createTestUser();
    await db.user.update({ where: { id: invitee.id }, data: { locale: "zh-CN" } });

    const result = await sendInvitationMail({
      teamSlug: team.slug,
      inviterId: inviter.id,
      email: invitee.email,
      token: "tok123",
    });
    expect(result).toEqual({ url: `${APP_URL}/invite/tok123`, delivery: "sent" });
    const [mail] = smtp.mailsTo(invitee.email);
    expect(mail?.subject).toBe("Ada Inviter 邀请你加入 Pathwise 团队 Acme <Growth> Team");
    expect(mail?.text).toContain("Acme <Growth> Team");
    expect(mail?.text).not.toContain(team.slug);
    expect(mail?.text).toContain(`${APP_URL}/invite/tok123`);
    expect(mail?.html).toContain("Acme &lt;Growth&gt; Team");
    expect(mail?.html).toContain(`href="${APP_URL}/invite/tok123"`);
  });

  it("writes to an address without an account in the app's default language", async () => {
    const inviter = await createTestUser({ name: "李伟" });
    await db.user.update({ where: { id: inviter.id }, data: { locale: "zh-CN" } });
    const team = await createTestTeam({ ownerId: inviter.id, name: "增长团队" });
    const email = randomEmail();
    await sendInvitationMail({ teamSlug: team.slug, inviterId: inviter.id, email, token: "tok456" });
    expect(smtp.mailsTo(email)[0]?.subject).toBe("李伟 invited you to 增长团队 on Pathwise");
  });
});
