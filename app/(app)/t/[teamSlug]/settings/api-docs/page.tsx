import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SchemaView, typeLabel, type JsonSchema } from "@/components/api-docs/schema-view";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi";
import { getTeamContext } from "@/lib/server/team-context";

/** A command line, the same in every language. */
const CURL_EXAMPLE = `curl -H "Authorization: Bearer $PATHWISE_TOKEN" https://<host>/api/v1/plans`;

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema; example?: unknown } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } } }>;
};

const methodTone = { get: "blue", post: "green", patch: "amber" } as const;

export default async function ApiDocsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team } = await getTeamContext(teamSlug);
  const t = await getTranslations("apiDocs");
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Operation })),
  );
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  const labels = { requiredLabel: t("required"), anyValue: t("anyValue"), arrayOf: t("arrayOf") };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">
          {t.rich("intro", {
            link: (chunks) => (
              <a href="/api/v1/openapi.json" className="font-mono text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p className="text-sm text-slate-700">{doc.info.description}</p>
      </div>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("auth")}</h2>
        <p className="mb-2 text-sm text-slate-700">
          {t("authText")}{" "}
          <Link href={`/t/${team.slug}/settings/api-tokens`} className="text-brand-700 underline">
            {t("manageTokens")}
          </Link>
        </p>
        <h3 className="text-sm font-medium">{t("example")}</h3>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{CURL_EXAMPLE}</pre>
        <h2 className="mt-4 mb-2 text-lg font-semibold">{t("errors")}</h2>
        <p className="text-sm text-slate-700">{t("errorsText")}</p>
      </Card>

      <section aria-labelledby="operations" className="flex flex-col gap-4">
        <h2 id="operations" className="text-xl font-semibold">
          {t("operations")}
        </h2>
        {operations.map(({ path, method, operation }) => {
          const body = operation.requestBody?.content["application/json"];
          return (
            <Card key={`${method} ${path}`}>
              <article aria-labelledby={`op-${operation.operationId}`} className="flex flex-col gap-3">
                <h3
                  id={`op-${operation.operationId}`}
                  className="flex flex-wrap items-center gap-2 text-base font-semibold"
                >
                  <Badge tone={methodTone[method as keyof typeof methodTone] ?? "slate"}>{method.toUpperCase()}</Badge>
                  <code className="font-mono text-sm">{path}</code>
                  <span>— {operation.summary}</span>
                </h3>
                {operation.description ? <p className="text-sm text-slate-700">{operation.description}</p> : null}
                {operation.parameters.length ? (
                  <div className="overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <caption className="text-left text-sm font-medium">{t("parameters")}</caption>
                      <thead className="border-b border-slate-200 text-slate-700">
                        <tr>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            {t("paramName")}
                          </th>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            {t("paramIn")}
                          </th>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            {t("paramType")}
                          </th>
                          <th scope="col" className="py-1 font-medium">
                            {t("paramDescription")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {operation.parameters.map((p) => (
                          <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 last:border-0">
                            <td className="py-1 pr-3">
                              <code>{p.name}</code>
                              {p.required ? <span className="ml-1 text-xs text-red-800">{t("required")}</span> : null}
                            </td>
                            <td className="py-1 pr-3">{p.in}</td>
                            <td className="py-1 pr-3">
                              <code className="text-xs">{typeLabel(p.schema, t("anyValue"))}</code>
                            </td>
                            <td className="py-1 text-slate-700">{p.description}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {body ? (
                  <div className="flex flex-col gap-2">
                    <h4 className="text-sm font-medium">{t("requestBody")}</h4>
                    <SchemaView schema={body.schema} {...labels} />
                    {body.example ? (
                      <>
                        <h5 className="text-xs font-medium text-slate-700">{t("exampleBody")}</h5>
                        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
                          {JSON.stringify(body.example, null, 2)}
                        </pre>
                      </>
                    ) : null}
                  </div>
                ) : null}
                <div>
                  <h4 className="text-sm font-medium">{t("responses")}</h4>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    {Object.entries(operation.responses).map(([status, response]) => (
                      <div key={status} className="contents">
                        <dt>
                          <code className={status.startsWith("2") ? "text-green-800" : "text-red-800"}>{status}</code>
                        </dt>
                        <dd className="text-slate-700">
                          {response.description}
                          {response.content ? (
                            <>
                              {" "}
                              — <SchemaView schema={response.content["application/json"].schema} {...labels} />
                            </>
                          ) : null}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              </article>
            </Card>
          );
        })}
      </section>

      <section aria-labelledby="schemas" className="flex flex-col gap-4">
        <h2 id="schemas" className="text-xl font-semibold">
          {t("schemas")}
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <Card key={name}>
            <h3 id={`schema-${name}`} className="mb-2 font-mono text-base font-semibold">
              {name}
            </h3>
            <SchemaView schema={schema} {...labels} />
          </Card>
        ))}
      </section>
    </div>
  );
}
