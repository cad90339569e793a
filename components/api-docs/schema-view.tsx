type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** A one-line description of a schema's type: string (date), "R1" | "R2", array of Task, … */
export function typeLabel(schema: JsonSchema, anyValue = "any"): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(v, anyValue)).join(" | ");
  if (schema.type === "array" && schema.items) return `array of ${typeLabel(schema.items, anyValue)}`;
  if (
    schema.type === "object" &&
    !schema.properties &&
    schema.additionalProperties &&
    typeof schema.additionalProperties === "object"
  ) {
    return `map of ${typeLabel(schema.additionalProperties, anyValue)}`;
  }
  const base = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? anyValue);
  return schema.format ? `${base} (${schema.format})` : base;
}

function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    out.push(`length ${schema.minLength ?? 0}–${schema.maxLength ?? "∞"}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    out.push(`${schema.minimum ?? "−∞"}–${schema.maximum ?? "∞"}`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined)
    out.push(`${schema.minItems ?? 0}–${schema.maxItems ?? "∞"} items`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** An object schema as a nested list of its properties (type, required, constraints, description); other schemas as their type. */
export function SchemaView({
  schema,
  requiredLabel,
  anyValue,
  arrayOf,
}: {
  schema: JsonSchema;
  requiredLabel: string;
  anyValue: string;
  arrayOf: string;
}) {
  const object = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  if (!object.properties) {
    return (
      <code className="text-xs">
        {schema.$ref ? (
          <a href={`#schema-${refName(schema.$ref)}`} className="text-brand-700 underline">
            {refName(schema.$ref)}
          </a>
        ) : (
          typeLabel(schema, anyValue)
        )}
      </code>
    );
  }
  return (
    <ul className="flex flex-col gap-1 border-l border-slate-200 pl-3 text-sm">
      {object !== schema ? <li className="text-xs text-slate-600">{arrayOf}</li> : null}
      {Object.entries(object.properties).map(([name, property]) => {
        const nested = property.properties || property.items?.properties;
        return (
          <li key={name}>
            <code className="font-semibold">{name}</code>{" "}
            {property.$ref ? (
              <a href={`#schema-${refName(property.$ref)}`} className="font-mono text-xs text-brand-700 underline">
                {refName(property.$ref)}
              </a>
            ) : (
              <code className="text-xs text-slate-700">
                {nested ? (property.type === "array" ? "array of object" : "object") : typeLabel(property, anyValue)}
              </code>
            )}
            {object.required?.includes(name) ? (
              <span className="ml-1 text-xs font-medium text-red-800">{requiredLabel}</span>
            ) : null}
            {constraints(property).length ? (
              <span className="ml-1 text-xs text-slate-600">({constraints(property).join(", ")})</span>
            ) : null}
            {property.description ? <span className="block text-xs text-slate-600">{property.description}</span> : null}
            {nested ? (
              <SchemaView schema={property} requiredLabel={requiredLabel} anyValue={anyValue} arrayOf={arrayOf} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export type { JsonSchema };
