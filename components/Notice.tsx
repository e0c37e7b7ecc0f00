import type { ComponentChildren } from 'preact';

/** A short message above the content: something the user should know or do. */
export function Notice(props: { kind: 'info' | 'warning' | 'error'; title: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'info' ? 'status' : 'alert'}>
      <strong>{props.title}</strong>
      {props.children && <div class="notice-body">{props.children}</div>}
    </div>
  );
}
