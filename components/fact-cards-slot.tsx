// The place for the contract-facts panel (fact cards between the ask and the story,
// shared/DESIGN.md). The panel has not landed: this renders nothing until it does,
// when it reads the campaign's facts by `campaignId`.
export function FactCardsSlot({ campaignId }: { campaignId: string }) {
  void campaignId;
  return null;
}
