/** Mantine components that navigate through TanStack Router (typed `to`, client-side, keyboard-friendly). */
import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { CSSProperties, ComponentPropsWithRef } from 'react';

type AnchorElementProps = Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;

function AnchorBase(props: AnchorProps & AnchorElementProps) {
  return <Anchor component="a" {...props} />;
}

function ButtonBase(props: ButtonProps & AnchorElementProps) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: NavLinkProps & Omit<AnchorElementProps, 'onChange'>) {
  return <NavLink component="a" {...props} />;
}

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const NavLinkLink = createLink(NavLinkBase);

/** A record's reference or code as a link (monospace, bold, never broken at its hyphens). */
function CodeAnchorBase({ style, ...props }: AnchorProps & AnchorElementProps & { style?: CSSProperties }) {
  return <Anchor component="a" ff="monospace" fw={700} size="sm" style={{ whiteSpace: 'nowrap', ...style }} {...props} />;
}

export const CodeLink = createLink(CodeAnchorBase);
