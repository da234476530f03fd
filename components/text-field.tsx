// A labelled text input (or textarea) with its hint and its errors beside it, tied
// together for screen readers; shared by every public form.
const inputClass =
  "mt-1 block min-h-11 w-full rounded border border-zinc-400 bg-white px-3 text-base aria-[invalid=true]:border-danger";

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  multiline?: boolean;
  className?: string;
} & React.InputHTMLAttributes<HTMLInputElement> &
  React.TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled input with its hint and its errors beside it, tied together for screen readers. */
export function TextField({ name, label, hint, errors, multiline, className = "", ...props }: TextFieldProps) {
  const invalid = Boolean(errors?.length);
  const describedBy = [invalid ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    className: `${inputClass} ${className}`,
  };
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {multiline ? <textarea {...props} {...common} /> : <input {...props} {...common} />}
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
