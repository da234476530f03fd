import type { Widen } from "./widen";
import type workspaceEn from "./workspace.en";

const workspaceEs: Widen<typeof workspaceEn> = {
  tabs: {
    label: "Secciones de la campaña",
    overview: "Resumen",
    edit: "Editar",
    signers: "Firmantes",
    stats: "Estadísticas",
    updates: "Novedades",
    packet: "Paquete de entrega",
  },
};

export default workspaceEs;
