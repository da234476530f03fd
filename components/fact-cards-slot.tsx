// The place for the contract-facts panel (fact cards between the ask and the story,
// shared/DESIGN.md). The panel has not landed: this renders nothing until it does.
export function FactCardsSlot(_props: { campaignId: string }) {
  return null;
}
