// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { applyServerErrors, fieldErrorOf, fieldErrorsText } from "@/components/forms/apply-server-errors";

afterEach(cleanup);

type Values = { title: string; dilemmas: { code: string }[]; note: string };
let form: ReturnType<typeof useForm<Values>>;

function Probe({ onForm }: { onForm: (value: typeof form) => void }) {
  const form = useForm<Values>({ defaultValues: { title: "", dilemmas: [], note: "" } });
  useEffect(() => {
    onForm(form);
  }, [form, onForm]);
  const { errors } = form.formState;
  return (
    <form>
      <input aria-label="title" {...form.register("title")} />
      <input aria-label="note" {...form.register("note")} />
      <p data-testid="title-error">{errors.title?.message}</p>
      <p data-testid="dilemmas-error">{errors.dilemmas?.message}</p>
      <p data-testid="note-error">{errors.note?.message}</p>
    </form>
  );
}

describe("applyServerErrors", () => {
  it("puts each field's first message on the field, a nested path on its field, and skips unknown keys", () => {
    render(
      <Probe
        onForm={(value) => {
          form = value;
        }}
      />,
    );
    let placed = false;
    act(() => {
      placed = applyServerErrors(
        form.setError,
        {
          message: "Check the fields.",
          fieldErrors: { title: ["Too long.", "Second."], "dilemmas.0.weight": ["Pick a weight."], slug: ["Taken."] },
        },
        ["title", "dilemmas"],
      );
    });
    expect(placed).toBe(true);
    expect(screen.getByTestId("title-error").textContent).toBe("Too long.");
    expect(screen.getByTestId("dilemmas-error").textContent).toBe("Pick a weight.");
    expect(screen.getByTestId("note-error").textContent).toBe("");
  });

  it("reports that nothing was placed when no error key is one of the fields", () => {
    render(
      <Probe
        onForm={(value) => {
          form = value;
        }}
      />,
    );
    let placed = true;
    act(() => {
      placed = applyServerErrors(form.setError, { message: "Forbidden.", fieldErrors: { slug: ["Taken."] } }, [
        "title",
      ]);
    });
    expect(placed).toBe(false);
    act(() => {
      placed = applyServerErrors(form.setError, { message: "Forbidden." }, ["title"]);
    });
    expect(placed).toBe(false);
    expect(screen.getByTestId("title-error").textContent).toBe("");
  });

  it("moves the focus to the first field with an error when asked", () => {
    render(
      <Probe
        onForm={(value) => {
          form = value;
        }}
      />,
    );
    act(() => {
      applyServerErrors(
        form.setError,
        { message: "x", fieldErrors: { note: ["Bad."], title: ["Bad too."] } },
        ["title", "note"],
        { focus: true },
      );
    });
    expect(document.activeElement).toBe(screen.getByLabelText("note"));
  });

  it("reads one key's message, or every message in one line", () => {
    const result = { message: "Failed.", fieldErrors: { a: ["One."], b: ["Two.", "Three."] } };
    expect(fieldErrorOf(result, "b")).toBe("Two.");
    expect(fieldErrorOf(result, "c")).toBeUndefined();
    expect(fieldErrorsText(result)).toBe("One. Two. Three.");
    expect(fieldErrorsText({ message: "Failed." })).toBe("Failed.");
  });
});
