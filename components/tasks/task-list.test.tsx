// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TaskList, type ListTask } from "@/components/tasks/task-list";
import { renderComponent } from "@/lib/testing/render-component";

// The server action is the boundary: it answers as the server would.
const actions = vi.hoisted(() => ({ bulkTasksAction: vi.fn() }));
vi.mock("@/lib/tasks/actions", () => actions);

afterEach(() => {
  cleanup();
  actions.bulkTasksAction.mockReset();
});

const task = (id: string, assigneeId: string | null, assigneeName: string | null): ListTask => ({
  id,
  title: `Task ${id}`,
  templateKey: null,
  status: "TODO",
  priority: "MEDIUM",
  progress: 0,
  dueDate: null,
  isOverdue: false,
  pathLabel: "P1",
  assigneeId,
  assigneeName,
  dilemmas: [{ dilemmaCode: "D1", weight: 2 }],
});

const members = [
  { id: "u1", name: "Li Wei", email: "li.wei@a.test" },
  { id: "u2", name: "Li Wei", email: "wei.li@b.test" },
  { id: "u3", name: "Zhang San", email: "zs@c.test" },
];

function renderList() {
  return renderComponent(
    <TaskList
      teamSlug="acme"
      planId="p1"
      canWrite
      members={members}
      groups={[{ code: "R1", label: "R1 · Area", tasks: [task("t1", "u3", "Zhang San"), task("t2", null, null)] }]}
    />,
  );
}

describe("TaskList bulk reassign", () => {
  it("tells same-name members apart by email, in the select and on the rows", () => {
    renderList();
    fireEvent.click(screen.getByLabelText("Select all shown tasks"));
    const select = screen.getByLabelText("Assign to");
    const options = within(select)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toContain("Li Wei (li.wei@a.test)");
    expect(options).toContain("Li Wei (wei.li@b.test)");
    expect(options).toContain("Zhang San");
  });

  it("asks first, then summarises and undoes back to each task's earlier assignee", async () => {
    actions.bulkTasksAction.mockResolvedValue({ ok: true, data: { count: 2 } });
    renderList();
    fireEvent.click(screen.getByLabelText("Select all shown tasks"));
    fireEvent.change(screen.getByLabelText("Assign to"), { target: { value: "u2" } });
    expect(actions.bulkTasksAction).not.toHaveBeenCalled();
    expect(screen.getByText("Assign 2 tasks to Li Wei (wei.li@b.test)?")).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Confirm" })));
    expect(actions.bulkTasksAction).toHaveBeenCalledWith("acme", {
      action: "assign",
      taskIds: ["t1", "t2"],
      assigneeId: "u2",
    });
    const summary = await screen.findByText("2 tasks assigned to Li Wei (wei.li@b.test).");

    await act(async () =>
      fireEvent.click(within(summary.closest("[role=status]") as HTMLElement).getByRole("button", { name: "Undo" })),
    );
    expect(actions.bulkTasksAction).toHaveBeenCalledWith("acme", {
      action: "assign",
      taskIds: ["t1"],
      assigneeId: "u3",
    });
    expect(actions.bulkTasksAction).toHaveBeenCalledWith("acme", {
      action: "assign",
      taskIds: ["t2"],
      assigneeId: null,
    });
    expect(await screen.findByText("Undone: the tasks are back as they were.")).toBeTruthy();
  });

  it("changes nothing when the confirmation is cancelled", () => {
    renderList();
    fireEvent.click(screen.getByLabelText("Select all shown tasks"));
    fireEvent.change(screen.getByLabelText("Assign to"), { target: { value: "u3" } });
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(actions.bulkTasksAction).not.toHaveBeenCalled();
  });
});
