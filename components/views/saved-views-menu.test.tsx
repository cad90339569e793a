// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SavedViewsMenu, type SavedViewItem } from "@/components/views/saved-views-menu";
import { renderComponent } from "@/lib/testing/render-component";

// Choosing a view only navigates; the saved-view actions are not reached here.
vi.mock("@/lib/views/actions", () => ({
  createSavedViewAction: vi.fn(),
  deleteSavedViewAction: vi.fn(),
  renameSavedViewAction: vi.fn(),
}));

afterEach(cleanup);

const view = (id: string, name: string, query: string): SavedViewItem => ({
  id,
  name,
  query,
  shared: false,
  userId: "u1",
});

function renderMenu() {
  return renderComponent(
    <SavedViewsMenu
      teamSlug="acme"
      planId="p1"
      basePath="/t/acme/plans/p1"
      mine={[view("v1", "Security board", "view=board&dilemma=D3"), view("v2", "Late tasks", "view=list&due=overdue")]}
      team={[]}
      activeId={null}
      userId="u1"
      canShare={false}
      canManageShared={false}
    />,
  );
}

describe("SavedViewsMenu", () => {
  it("does not open views while the arrow keys step through them; Enter opens the one chosen", async () => {
    const { router } = renderMenu();
    const select = screen.getByLabelText<HTMLSelectElement>("Saved views");
    await act(async () => {
      fireEvent.keyDown(select, { key: "ArrowDown" });
      fireEvent.change(select, { target: { value: "v1" } });
      fireEvent.keyDown(select, { key: "ArrowDown" });
      fireEvent.change(select, { target: { value: "v2" } });
    });
    expect(router.push).not.toHaveBeenCalled();
    expect(select.value).toBe("v2");
    expect(screen.getByRole("button", { name: "Open the view “Late tasks”" })).toBeTruthy();
    await act(async () => {
      fireEvent.keyDown(select, { key: "Enter" });
    });
    expect(router.push).toHaveBeenCalledTimes(1);
    expect(router.push).toHaveBeenCalledWith("/t/acme/plans/p1?view=list&due=overdue", { scroll: false });
  });

  it("the Open button opens the view picked by keyboard", async () => {
    const { router } = renderMenu();
    const select = screen.getByLabelText<HTMLSelectElement>("Saved views");
    await act(async () => {
      fireEvent.keyDown(select, { key: "ArrowDown" });
      fireEvent.change(select, { target: { value: "v1" } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Open the view “Security board”" }));
    });
    expect(router.push).toHaveBeenCalledWith("/t/acme/plans/p1?view=board&dilemma=D3", { scroll: false });
  });

  it("a view picked with the mouse (no key pressed) opens at once", async () => {
    const { router } = renderMenu();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Saved views"), { target: { value: "v1" } });
    });
    expect(router.push).toHaveBeenCalledWith("/t/acme/plans/p1?view=board&dilemma=D3", { scroll: false });
  });
});
