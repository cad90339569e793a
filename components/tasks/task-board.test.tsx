// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskBoard, type BoardTask } from "@/components/tasks/task-board";
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
