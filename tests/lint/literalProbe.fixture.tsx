// A component written the wrong way, for the i18n check to catch.
export function Probe() {
  return (
    <div>
      <button type="button">保存</button>
      <button type="button" aria-label="Close" />
    </div>
  );
}
