/** An accessible on/off switch (a button with role="switch"), usable by keyboard and screen readers. */
export function Switch(props: {
  checked: boolean;
  label: string;
  description?: string;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label class="switch-row">
      <span class="switch-text">
        <span class="switch-label">{props.label}</span>
        {props.description && <span class="switch-description">{props.description}</span>}
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={props.checked}
        aria-label={props.label}
        disabled={props.disabled}
        onClick={() => props.onChange(!props.checked)}
      >
        <span class="switch-knob" />
      </button>
    </label>
  );
}
