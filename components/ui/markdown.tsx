import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import { MENTION_PATTERN } from "@/lib/mentions/mentions";

// Raw HTML in the text is never parsed (it shows as the text it is), and the
// tree is sanitised as well: GitHub's allow-list without images (no tracking pixels
// or off-site requests) and with links limited to http, https and mailto.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !["img", "picture", "source", "input"].includes(tag)),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Shows HTML typed into the text as the text it is (react-markdown would drop it). */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return walk;
}

const MENTION_HREF = /^#(?:user-content-)?mention-([a-z0-9]+)$/;

/** Mentions (`@[Name](user:id)`, lib/mentions) become links to "#mention-<id>", shown as chips. */
const withMentionLinks = (text: string) =>
  text.replace(MENTION_PATTERN, (_token, name: string, id: string) => `[@${name}](#mention-${id})`);

function componentsFor(names?: Record<string, string>): Components {
  return {
    ...components,
    a: (props) => {
      const id = MENTION_HREF.exec(props.href ?? "")?.[1];
      if (!id) return components.a ? (components.a as (p: typeof props) => React.ReactNode)(props) : null;
      const current = names?.[id];
      return (
        <span data-mention={id} className="rounded bg-brand-50 px-1 font-medium text-brand-800">
          {current ? `@${current}` : props.children}
        </span>
      );
    },
  };
}

const components: Components = {
  a: ({ node: _node, href, children, ...rest }) => (
    <a
      {...rest}
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow ugc"
      className="break-all text-brand-700 underline hover:text-brand-800"
    >
      {children}
    </a>
  ),
  code: ({ node: _node, className, ...rest }) => (
    <code {...rest} className={`rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] ${className ?? ""}`.trim()} />
  ),
  pre: ({ node: _node, ...rest }) => <pre {...rest} className="overflow-x-auto rounded bg-slate-100 p-2" />,
  ul: ({ node: _node, ...rest }) => <ul {...rest} className="list-disc pl-5" />,
  ol: ({ node: _node, ...rest }) => <ol {...rest} className="list-decimal pl-5" />,
  blockquote: ({ node: _node, ...rest }) => <blockquote {...rest} className="border-l-2 border-slate-300 pl-3" />,
  h1: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  h2: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  h3: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  h4: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  h5: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  h6: ({ node: _node, ...rest }) => <p {...rest} className="font-semibold" />,
  table: ({ node: _node, ...rest }) => (
    <div className="overflow-x-auto">
      <table {...rest} className="border-collapse text-left [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2" />
    </div>
  ),
};

/**
 * User-written Markdown (comments, descriptions) as React elements: GitHub-flavoured
 * Markdown (bold, italics, code, lists, tables, autolinked URLs; a line break stays a
 * line break, as in GitHub comments), never HTML; @mentions of members as chips.
 */
export function Markdown({
  text,
  className,
  memberNames,
}: {
  text: string;
  className?: string;
  /** Current names of the team's members by id: a mention shows the name the member has now. */
  memberNames?: Record<string, string>;
}) {
  return (
    <div className={`flex flex-col gap-2 break-words ${className ?? ""}`.trim()}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkBreaks, htmlAsText]}
        rehypePlugins={[[rehypeSanitize, schema]]}
        components={componentsFor(memberNames)}
      >
        {withMentionLinks(text)}
      </ReactMarkdown>
    </div>
  );
}
