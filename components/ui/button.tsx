import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

const variants = {
  primary: "bg-primary text-primary-foreground hover:opacity-90",
  outline: "border bg-card hover:bg-muted",
  ghost: "text-muted-foreground hover:bg-muted hover:text-foreground",
} as const;

const sizes = {
  md: "h-9 px-4 text-sm",
  icon: "size-9",
} as const;

export type ButtonVariant = keyof typeof variants;

/** Shared by <Button> and links styled as buttons (next/link cannot take a <button>). */
export function buttonClassName(variant: ButtonVariant = "primary", size: keyof typeof sizes = "md", className?: string) {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:pointer-events-none disabled:opacity-50",
    variants[variant],
    sizes[size],
    className,
  );
}

export function Button({
  className,
  variant,
  size,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: keyof typeof sizes }) {
  return <button type={type} className={buttonClassName(variant, size, className)} {...props} />;
}
