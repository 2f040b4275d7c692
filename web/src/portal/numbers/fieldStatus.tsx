// A form field's messages under it, as every card of the number screens shows them.


/**
 * Props that show a field's messages under it: errors in red, the API's advice on amber (own colours:
 * antd's warning text is too pale for WCAG AA contrast).
 */
export function status(errors?: string[], advice?: string[]) {
  if (!errors?.length && !advice?.length) return {};
  return {
    validateStatus: errors?.length ? ("error" as const) : undefined,
    help: (
      // antd drops the item's bottom margin while a help text shows: keep the fields apart.
      <div style={{ paddingBottom: 8 }}>
        {errors?.length ? (
          <div role="alert" style={{ color: "#a8071a" }}>
            {errors.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        ) : null}
        {advice?.length ? (
          <div role="note" className="dest-advice">
            {advice.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        ) : null}
      </div>
    ),
  };
}
