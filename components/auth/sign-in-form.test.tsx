// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SignInForm } from "@/components/auth/sign-in-form";
import { renderComponent } from "@/lib/testing/render-component";

// The server action (Auth.js sign-in) is the boundary of this test: it must not be called for invalid input.
const signInAction = vi.hoisted(() => vi.fn(async () => ({ error: "invalidCredentials" })));
vi.mock("@/lib/auth/actions", () => ({ signInAction }));

afterEach(() => {
  cleanup();
  signInAction.mockClear();
});

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  });
}

describe("SignInForm", () => {
  it("shows the translated validation message under the password field and does not call the server", async () => {
    renderComponent(<SignInForm />);
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "someone@example.com" } });
    await submit();
    const password = screen.getByLabelText("Password");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    expect(signInAction).not.toHaveBeenCalled();
  });

  it("shows the message in Chinese for a Chinese reader", async () => {
    renderComponent(<SignInForm />, { locale: "zh-CN" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "登录" }));
    });
    expect(screen.queryByText("Enter your password.")).toBeNull();
    expect(screen.getByText("请输入密码。")).toBeTruthy();
  });
});
