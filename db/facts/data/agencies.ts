import type { DatasetAgency } from "../types";

export const agencies: DatasetAgency[] = [
  { slug: "dhs", name: "Department of Homeland Security", nameEs: "Departamento de Seguridad Nacional", abbreviation: "DHS", toptierCode: "070" },
  { slug: "ice", name: "U.S. Immigration and Customs Enforcement", nameEs: "Servicio de Inmigración y Control de Aduanas", abbreviation: "ICE", toptierCode: "070", subtierCode: "7012", parent: "dhs" },
  { slug: "cbp", name: "U.S. Customs and Border Protection", nameEs: "Oficina de Aduanas y Protección Fronteriza", abbreviation: "CBP", toptierCode: "070", parent: "dhs" },
  { slug: "uscis", name: "U.S. Citizenship and Immigration Services", nameEs: "Servicio de Ciudadanía e Inmigración", abbreviation: "USCIS", toptierCode: "070", parent: "dhs" },
  { slug: "obim", name: "Office of Biometric Identity Management", nameEs: "Oficina de Gestión de Identidad Biométrica", abbreviation: "OBIM", toptierCode: "070", parent: "dhs" },
  // Seen in the sample files as the agency of DHS-wide contract vehicles (HSHQDC…).
  { slug: "dhs-opo", name: "Office of Procurement Operations", nameEs: "Oficina de Operaciones de Compras (DHS)", abbreviation: "DHS OPO", toptierCode: "070", subtierCode: "7001", parent: "dhs" },
  { slug: "dhs-ocpo", name: "Office of the Chief Procurement Officer", nameEs: "Oficina del Director de Compras (DHS)", abbreviation: "DHS OCPO", toptierCode: "070", subtierCode: "7055", parent: "dhs" },
  { slug: "usss", name: "U.S. Secret Service", nameEs: "Servicio Secreto", abbreviation: "USSS", toptierCode: "070", subtierCode: "7009", parent: "dhs" },
  { slug: "frontex", name: "Frontex, the European Border and Coast Guard Agency", nameEs: "Frontex, Agencia Europea de la Guardia de Fronteras y Costas", abbreviation: "Frontex", jurisdiction: "eu" },
];
