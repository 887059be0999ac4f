import { useId } from 'react';

/** The ANC's mark: a shield (protection) holding three linked nodes (coordination). */
export function AncMark({ size = 40, title }: { size?: number; title?: string }) {
  const titleId = useId();
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-labelledby={title ? titleId : undefined}
      focusable="false"
    >
      {title ? <title id={titleId}>{title}</title> : null}
      <rect width="64" height="64" rx="12" fill="#691C32" />
      <path d="M32 8 50 15v15c0 12-7.6 21.4-18 26-10.4-4.6-18-14-18-26V15z" fill="none" stroke="#BC955C" strokeWidth="4" strokeLinejoin="round" />
      <path d="M32 22 23 37h18z" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinejoin="round" />
      <g fill="#fff">
        <circle cx="32" cy="22" r="4.5" />
        <circle cx="23" cy="37" r="4.5" />
        <circle cx="41" cy="37" r="4.5" />
      </g>
    </svg>
  );
}
