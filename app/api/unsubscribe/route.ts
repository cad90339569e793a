import { readUnsubscribe, unsubscribe } from "@/lib/notifications/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs here with the signed
 * query of the List-Unsubscribe header; the unsubscribe page's button too (it
 * then goes back to the page, which says it is done).
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const target = readUnsubscribe(url.searchParams);
  if (!target) return new Response(null, { status: 400 });
  await unsubscribe(target);
  if (url.searchParams.get("from") === "page") {
    const back = new URLSearchParams(url.searchParams);
    back.delete("from");
    back.set("done", "1");
    return new Response(null, { status: 303, headers: { Location: `/unsubscribe?${back.toString()}` } });
  }
  return new Response(null, { status: 200 });
}
