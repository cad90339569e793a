import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

// Payloads from the usual XSS cheat sheets, as a commenter could type them.
const XSS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<iframe src=https://evil.example></iframe>",
  "<a href=javascript:alert(1)>x</a>",
  "<details open ontoggle=alert(1)>",
  "<style>body{display:none}</style>",
  "<body onload=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  "![x](https://evil.example/pixel.gif)",
  '[x](https://a.example "title" onmouseover=alert(1))',
  "<javascript:alert(1)>",
  "[a]: javascript:alert(1)\n\n[ref][a]",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<form action=https://evil.example><button>go</button></form>",
  "<input autofocus onfocus=alert(1)>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<base href=https://evil.example/>",
  "<meta http-equiv=refresh content=0;url=https://evil.example>",
  "<link rel=stylesheet href=https://evil.example/x.css>",
  '"><script>alert(1)</script>',
  "**<img src=x onerror=alert(1)>**",
  "| a |\n|---|\n| <script>alert(1)</script> |",
];

describe("Markdown", () => {
  it.each(XSS)("renders %j without markup that runs, loads or navigates", (payload) => {
    const out = html(payload);
    expect(out).not.toMatch(
      /<(script|img|svg|iframe|style|object|embed|form|input|base|meta|link|math|details|body)\b/i,
    );
    expect(out).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(out).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(out).not.toMatch(/style="/i);
  });

  it("keeps the text of refused HTML visible, escaped", () => {
    expect(html("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("renders bold, italics, code, lists and line breaks", () => {
    const out = html("**budget** and *soon*\nnext line with `npm test`\n\n- one\n- two");
    expect(out).toContain("<strong>budget</strong>");
    expect(out).toContain("<em>soon</em>");
    expect(out).toContain("<br/>");
    expect(out).toMatch(/<code[^>]*>npm test<\/code>/);
    expect(out).toMatch(/<ul[^>]*>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  });

  it("links http(s) URLs, bare or written as links, opening in a new tab without referrer", () => {
    const out = html("See https://example.com/a_(b). and [docs](https://docs.example/x)");
    expect(out).toContain('href="https://example.com/a_(b)"');
    expect(out).toContain('href="https://docs.example/x"');
    expect(out).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(out).toContain('target="_blank"');
  });

  it("keeps Chinese text, emoji and right-to-left text as they are", () => {
    const out = html("数据安全 **已完成** 🎉 مرحبا");
    expect(out).toContain("数据安全 <strong>已完成</strong> 🎉 مرحبا");
  });
});

describe("mentions", () => {
  it("shows a mention as a chip with the member's current name, not a link", () => {
    const out = renderToStaticMarkup(
      <Markdown text="Hi @[Old Name](user:abc123) and **you**" memberNames={{ abc123: "New Name" }} />,
    );
    expect(out).toContain('<span data-mention="abc123"');
    expect(out).toContain("@New Name</span>");
    expect(out).not.toContain("Old Name");
    expect(out).not.toContain("href");
  });

  it("keeps the stored name for someone who is no longer a member, and leaves ordinary links alone", () => {
    const out = html("@[Gone](user:zzz9) see [site](https://example.org)");
    expect(out).toContain('<span data-mention="zzz9"');
    expect(out).toContain("@Gone");
    expect(out).toContain('href="https://example.org"');
  });
});
