// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { renderComponent } from "@/lib/testing/render-component";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validation/webhook";

// The server action is the boundary of this test: its answer is what the form shows.
const createWebhookAction = vi.hoisted(() =>
  vi.fn(async (_teamSlug: string, input: { url: string; eventTypes: string[] }) => ({
    ok: true as const,
    data: { id: "w1", url: input.url, eventTypes: input.eventTypes, secret: "whsec_shown_once" },
  })),
);
vi.mock("@/lib/webhooks/actions", () => ({ createWebhookAction }));

afterEach(() => {
  cleanup();
  createWebhookAction.mockClear();
});

async function submit(name = "Add endpoint") {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("CreateWebhookForm", () => {
  it("ticks every event type at first and sends them with the address, then shows the secret", async () => {
    renderComponent(<CreateWebhookForm teamSlug="acme" />);
    const boxes = screen.getAllByRole<HTMLInputElement>("checkbox");
    expect(boxes).toHaveLength(WEBHOOK_EVENT_TYPES.length);
    expect(boxes.every((box) => box.checked)).toBe(true);
    expect(screen.getByRole("group", { name: "Tasks" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Address"), { target: { value: "https://hooks.example.com/in" } });
    await submit();
    expect(createWebhookAction).toHaveBeenCalledWith("acme", {
      url: "https://hooks.example.com/in",
      description: "",
      eventTypes: [...WEBHOOK_EVENT_TYPES],
    });
    expect(screen.getByDisplayValue("whsec_shown_once")).toBeTruthy();
  });

  it("asks for an event type and a valid address without calling the server, in Chinese too", async () => {
    renderComponent(<CreateWebhookForm teamSlug="acme" />, { locale: "zh-CN" });
    fireEvent.change(screen.getByLabelText("地址"), { target: { value: "ftp://example.com" } });
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    await submit("添加端点");
    expect(screen.getByText("请至少选择一种事件类型。")).toBeTruthy();
    expect(screen.getByLabelText("地址").getAttribute("aria-invalid")).toBe("true");
    expect(createWebhookAction).not.toHaveBeenCalled();
  });
});
