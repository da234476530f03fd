// Messages of the workspace shell (sign-in, groups, members, navigation), in English;
// workspace.es.ts must have every key (lib/i18n/i18n.test.ts).
const workspaceEn = {
  tabs: {
    label: "Campaign sections",
    overview: "Overview",
    edit: "Edit",
    signers: "Signers",
    stats: "Stats",
    updates: "Updates",
    packet: "Delivery packet",
  },
};

export default workspaceEn;
