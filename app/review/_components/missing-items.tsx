/** What an incomplete evaluation still needs, in the engine's order (§8.4). */
export function MissingItems({
  items,
  unavailable,
}: {
  items: readonly { readonly linkId: string; readonly text: string }[];
  unavailable: readonly string[];
}) {
  return (
    <div className="missing" data-testid="missing-items">
      {items.length > 0 ? (
        <>
          <h3>Still missing</h3>
          <ol>
            {items.map((item) => (
              <li key={item.linkId} data-missing={item.linkId}>
                {item.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {unavailable.length > 0 ? (
        <p>
          Chart data unavailable ({unavailable.join(', ')}): the rules that need it report missing
          data.
        </p>
      ) : null}
    </div>
  );
}
