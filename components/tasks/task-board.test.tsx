// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CARDS_PER_COLUMN, TaskBoard, type BoardTask } from "@/components/tasks/task-board";
import { renderComponent } from "@/lib/testing/render-component";

// The server action is the boundary: it answers as the server would.
const actions = vi.hoisted(() => ({ setTaskStatusAction: vi.fn() }));
vi.mock("@/lib/tasks/actions", () => actions);

afterEach(() => {
  cleanup();
  actions.setTaskStatusAction.mockReset();
});

const task: BoardTask = {
  id: "t1",
  version: 3,
  title: "Map the supply routes",
  templateKey: null,
  status: "TODO",
  priority: "MEDIUM",
  progress: 0,
  dueDate: null,
  isOverdue: false,
  assigneeId: null,
  assigneeName: null,
  areaCode: "R4",
  dilemmas: [{ dilemmaCode: "D4", weight: 2 }],
};

const conflict = (status: string, version: number) => ({
  ok: false,
  code: "CONFLICT",
  message: "Someone saved this task meanwhile.",
  details: { current: { status, version } },
});

async function moveTo(status: string) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Move Map the supply routes to"), { target: { value: status } });
  });
}

describe("TaskBoard moves", () => {
  it("retries a move on the new version when someone changed other fields of the card", async () => {
    actions.setTaskStatusAction
      .mockResolvedValueOnce(conflict("TODO", 4))
      .mockResolvedValueOnce({ ok: true, data: { id: "t1", version: 5 } });
    renderComponent(<TaskBoard teamSlug="acme" planId="p1" tasks={[task]} canWrite />);
    await moveTo("IN_PROGRESS");
    expect(actions.setTaskStatusAction).toHaveBeenLastCalledWith("acme", {
      taskId: "t1",
      version: 4,
      status: "IN_PROGRESS",
    });
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("on a true conflict says so in a toast, moves it anyway on request, and undoes that", async () => {
    actions.setTaskStatusAction
      .mockResolvedValueOnce(conflict("DONE", 4))
      .mockResolvedValueOnce({ ok: true, data: { id: "t1", version: 5 } })
      .mockResolvedValueOnce({ ok: true, data: { id: "t1", version: 6 } });
    const { router } = renderComponent(<TaskBoard teamSlug="acme" planId="p1" tasks={[task]} canWrite />);
    await moveTo("IN_PROGRESS");
    expect(actions.setTaskStatusAction).toHaveBeenCalledTimes(1);
    const toast = screen.getByRole("status");
    expect(toast.textContent).toContain(
      "Someone moved “Map the supply routes” to Done meanwhile, so it was not moved to In progress.",
    );
    expect(router.refresh).toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Move to In progress anyway" })));
    expect(actions.setTaskStatusAction).toHaveBeenLastCalledWith("acme", {
      taskId: "t1",
      version: 4,
      status: "IN_PROGRESS",
    });
    expect(screen.getByRole("status").textContent).toContain("“Map the supply routes” is now in In progress.");

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Undo" })));
    expect(actions.setTaskStatusAction).toHaveBeenLastCalledWith("acme", { taskId: "t1", version: 5, status: "DONE" });
    expect(screen.queryByRole("status")).toBeNull();
  });
});

describe("TaskBoard columns of many cards", () => {
  const many = (n: number, status: BoardTask["status"]) =>
    Array.from({ length: n }, (_, i): BoardTask => ({
      ...task,
      id: `${status}-${i}`,
      title: `${status} card ${i}`,
      status,
    }));

  it("shows the first CARDS_PER_COLUMN cards of a column and the rest 50 at a time, with the column's full count", async () => {
    const tasks = [...many(CARDS_PER_COLUMN * 2 + 7, "DONE"), ...many(3, "TODO")];
    renderComponent(<TaskBoard teamSlug="acme" planId="p1" tasks={tasks} canWrite />);
    const done = screen.getByRole("region", { name: /^Done/ });
    const cards = () => done.querySelectorAll("[data-task-item]").length;
    expect(cards()).toBe(CARDS_PER_COLUMN);
    expect(done.querySelector("h3")?.textContent).toContain(String(CARDS_PER_COLUMN * 2 + 7));
    const more = screen.getByRole("button", { name: "Show 50 more (57 hidden) · Done" });
    await act(async () => fireEvent.click(more));
    expect(cards()).toBe(CARDS_PER_COLUMN * 2);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Show 7 more (7 hidden) · Done" })));
    expect(cards()).toBe(CARDS_PER_COLUMN * 2 + 7);
    expect(screen.queryByRole("button", { name: /Show \d+ more/ })).toBeNull();
    // A short column has no button.
    expect(screen.getByRole("region", { name: /^To do/ }).querySelectorAll("[data-task-item]")).toHaveLength(3);
  });

  it("keeps a card moved into a long column in view, past the first cards", async () => {
    actions.setTaskStatusAction.mockResolvedValue({ ok: true, data: { id: "TODO-0", version: 4 } });
    const tasks = [...many(CARDS_PER_COLUMN + 5, "DONE"), ...many(1, "TODO")];
    const { rerenderWith } = renderComponent(<TaskBoard teamSlug="acme" planId="p1" tasks={tasks} canWrite />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Move TODO card 0 to"), { target: { value: "DONE" } });
    });
    // The server's next render sorts it after the column's first cards.
    const after: BoardTask[] = [...tasks.slice(0, -1), { ...tasks.at(-1)!, status: "DONE", version: 4 }];
    rerenderWith(<TaskBoard teamSlug="acme" planId="p1" tasks={after} canWrite />);
    const done = screen.getByRole("region", { name: /^Done/ });
    expect(done.querySelectorAll("[data-task-item]")).toHaveLength(CARDS_PER_COLUMN + 1);
    expect(done.querySelector('[aria-label="TODO card 0"]')).not.toBeNull();
  });
});
