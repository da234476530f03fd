// Seed content: the companies and first campaigns, drawn from shared/seeds and checked
// against shared/research/contract-facts.md. Every figure in a story carries its source
// and its kind (obligated, ceiling, current value, reported). Seed claims that the
// research marks WRONG or UNVERIFIED are left out or attributed, never stated as fact.

export type SeedCompany = { slug: string; name: string };

// The group that runs the seeded campaigns; on a new install it is also the demo group.
export const seedGroup = { slug: "cut-ties", name: "Cut Ties organizers", kind: "organization" as const };

// Embedded mode only: accounts to try the workspace with at once (README, "Try the
// workspace"). example.org never receives mail; in embedded mode mail is captured anyway.
export const demoAccounts = [
  { email: "admin@example.org", name: "Demo admin", role: "owner" as const },
  { email: "organizer@example.org", name: "Demo organizer", role: "organizer" as const },
];

export type SeedCampaign = {
  slug: string;
  kind: "petition" | "pledge";
  status: "live";
  title: string;
  ask: string;
  story: string;
  titleEs: string;
  askEs: string;
  storyEs: string;
  targets: string[];
  publishedDaysAgo: number;
};

// Sources, each named in contract-facts.md. USAspending links follow the award key
// CONT_AWD_{PIID}_{subtier}_{parent PIID}_{parent agency}; ICE's subtier is 7012.
const SRC = {
  streetsOfAtlanta:
    "https://streetsofatlanta.blog/2019/10/16/the-demand-for-no-tech-4-ice-grows-louder-nationwide/",
  intercept2017:
    "https://theintercept.com/2017/03/02/palantir-provides-the-engine-for-donald-trumps-deportation-machine/",
  intercept2019:
    "https://theintercept.com/2019/05/02/peter-thiels-palantir-was-used-to-bust-hundreds-of-relatives-of-migrant-children-new-documents-show/",
  nextgov2014:
    "https://www.nextgov.com/digital-government/2014/09/hush-hush-data-firm-palantir-snags-ice-case-tracking-deal/95333/",
  vice2019: "https://www.vice.com/en/article/ywadv7/ice-just-renewed-its-contract-with-palantir",
  businessInsider2019:
    "https://www.businessinsider.com/amazon-employees-letter-protest-palantir-ice-camps-2019-7",
  businessInsider2021:
    "https://www.businessinsider.com/palantir-may-lose-lucrative-ice-contract-falcon-raven-2021-9",
  businessInsider2022:
    "https://www.businessinsider.com/palantir-ice-contract-falcon-raven-data-mining-2022-7",
  defenseDaily2018:
    "https://www.defensedaily.com/development-next-gen-biometric-identity-management-system-schedule-dhs-officials-say/",
  whosBehindIce: "https://surveillanceresistancelab.org/resources/whos-behind-ice",
  verge2018:
    "https://www.theverge.com/2018/1/26/16932350/ice-immigration-customs-license-plate-recognition-contract-vigilant-solutions",
  top10vpn: "https://www.top10vpn.com/research/investigations/ice-surveillance-contracts/",
  usasIcm: "https://www.usaspending.gov/award/CONT_AWD_HSCETC14C00002_7012_-NONE-_-NONE-/",
  usasFalcon: "https://www.usaspending.gov/award/CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-/",
  usasClear2017: "https://www.usaspending.gov/award/CONT_AWD_HSCEMD17F00008_7012_GS02F026DA_4732/",
  usasClear2015: "https://www.usaspending.gov/award/CONT_AWD_HSCEMD16F00003_7012_GS02F0405D_4730/",
  usasLpr: "https://www.usaspending.gov/award/CONT_AWD_70CDCR18P00000017_7012_-NONE-_-NONE-/",
  usasTrss: "https://www.usaspending.gov/award/CONT_AWD_70CDCR18P00000048_7012_-NONE-_-NONE-/",
} as const;

export const seedCompanies: SeedCompany[] = [
  { slug: "amazon", name: "Amazon (AWS)" },
  { slug: "palantir", name: "Palantir Technologies" },
  { slug: "thomson-reuters", name: "Thomson Reuters" },
  { slug: "microsoft", name: "Microsoft" },
  { slug: "salesforce", name: "Salesforce" },
];

export const seedCampaigns: SeedCampaign[] = [
  {
    slug: "amazon-stop-hosting-palantir",
    kind: "petition",
    status: "live",
    title: "Amazon: stop hosting Palantir’s ICE tools on AWS",
    ask: "Amazon, stop hosting Palantir’s ICE tools, ICM and FALCON, on Amazon Web Services.",
    story: `On 11 October 2019, families, young people and students rallied in Atlanta in a national day of action, calling on Amazon to cut ties with Palantir ([Streets of Atlanta, 16 Oct 2019](${SRC.streetsOfAtlanta})). “Amazon and Palantir continue to profit by keeping us under surveillance, storing our information and creating profiles of us for ICE,” said Adelina Nicholls of the Georgia Latino Alliance for Human Rights.

## What Palantir does for ICE

Palantir built ICE’s Investigative Case Management system, ICM. Using government documents, The Intercept showed how ICM combines records from many agencies into profiles of the people ICE investigates ([The Intercept, 2 Mar 2017](${SRC.intercept2017})). By May 2018 the ICM contract had a ceiling of $53.1 million ([USAspending award HSCETC14C00002, May 2018](${SRC.usasIcm})). Palantir also operates and maintains FALCON, a search and analysis system for ICE agents ([USAspending award HSCETC15C00001, May 2018](${SRC.usasFalcon})).

## Where Amazon comes in

Palantir runs its software on Amazon’s cloud, Business Insider reported in July 2019. That month, Amazon employees circulated an internal letter asking the company to remove Palantir from AWS, and protesters interrupted the AWS Summit in New York ([Business Insider, Jul 2019](${SRC.businessInsider2019})).

Amazon’s cloud holds government data too. DHS’s HART biometric system, the successor to its fingerprint, face and iris database, is hosted on AWS GovCloud ([Defense Daily, 2018](${SRC.defenseDaily2018})). A 2018 report by Mijente, the National Immigration Project and the Immigrant Defense Project singled out Amazon, Microsoft and Palantir for the technology they supply to immigration enforcement ([Who’s Behind ICE?, Oct 2018](${SRC.whosBehindIce})).

## Our ask

Amazon chooses its customers. We ask it to stop hosting the tools ICE uses to track and arrest our neighbors.`,
    titleEs: "Amazon: deja de alojar en AWS las herramientas de Palantir para ICE",
    askEs: "Amazon, deja de alojar en Amazon Web Services las herramientas que Palantir hace para ICE: ICM y FALCON.",
    storyEs: `El 11 de octubre de 2019, familias, jóvenes y estudiantes se manifestaron en Atlanta, en una jornada nacional de acción, para exigirle a Amazon que rompa con Palantir ([Streets of Atlanta, 16 oct 2019](${SRC.streetsOfAtlanta})). “Amazon y Palantir siguen lucrando con vigilarnos, guardar nuestra información y armar perfiles de nosotros para ICE”, dijo Adelina Nicholls, directora de la Alianza Latina de Georgia por los Derechos Humanos (GLAHR).

## Qué hace Palantir para ICE

Palantir creó el sistema de Gestión de Casos de Investigación de ICE, conocido como ICM. Con documentos del gobierno, The Intercept mostró cómo ICM reúne registros de muchas agencias para armar perfiles de las personas a las que ICE investiga ([The Intercept, 2 mar 2017](${SRC.intercept2017})). Para mayo de 2018, el contrato de ICM tenía un tope de 53.1 millones de dólares ([USAspending, contrato HSCETC14C00002, may 2018](${SRC.usasIcm})). Palantir también opera y mantiene FALCON, un sistema de búsqueda y análisis para agentes de ICE ([USAspending, contrato HSCETC15C00001, may 2018](${SRC.usasFalcon})).

## Dónde entra Amazon

Palantir corre su software en la nube de Amazon, informó Business Insider en julio de 2019. Ese mismo mes, empleados de Amazon hicieron circular una carta interna que pedía sacar a Palantir de AWS, y manifestantes interrumpieron la cumbre AWS Summit en Nueva York ([Business Insider, jul 2019](${SRC.businessInsider2019})).

La nube de Amazon también guarda datos del gobierno. HART, el sistema biométrico del Departamento de Seguridad Nacional (DHS) que reemplaza su base de huellas, rostros e iris, está alojado en AWS GovCloud ([Defense Daily, 2018](${SRC.defenseDaily2018})). Un informe de 2018 de Mijente, el National Immigration Project y el Immigrant Defense Project señaló a Amazon, Microsoft y Palantir por la tecnología que le proveen al control migratorio ([Who’s Behind ICE?, oct 2018](${SRC.whosBehindIce})).

## Lo que pedimos

Amazon decide a quién le vende. Le pedimos que deje de alojar las herramientas que ICE usa para rastrear y detener a nuestros vecinos.`,
    targets: ["amazon"],
    publishedDaysAgo: 3,
  },
  {
    slug: "palantir-end-falcon-icm",
    kind: "petition",
    status: "live",
    title: "Palantir: end the FALCON and ICM contracts with ICE",
    ask: "Palantir, end your FALCON and ICM contracts with ICE and sign no new ones.",
    story: `Palantir builds two of the data systems ICE agents use to find people: Investigative Case Management (ICM) and FALCON.

## ICM: profiles from many databases

ICE hired Palantir in September 2014 to build ICM, in a deal then reported at $42 million ([Nextgov, Sep 2014](${SRC.nextgov2014})). Government documents obtained by The Intercept showed that ICM pulls records from federal and private sources into profiles that can include a person’s immigration history, family ties, addresses, phone records and biometric traits ([The Intercept, 2 Mar 2017](${SRC.intercept2017})).

By May 2018 the ICM award, HSCETC14C00002, had a ceiling of $53,148,388.39: the most ICE could pay if it used every option ([USAspending award HSCETC14C00002, May 2018](${SRC.usasIcm})). In August 2019 ICE renewed ICM for three more years without competition, in a deal reported at $49,874,018.14 ([Vice, Aug 2019](${SRC.vice2019})). Documents published by The Intercept showed ICM at the center of a 2017 ICE operation aimed at children who crossed the border alone and their families ([The Intercept, 2 May 2019](${SRC.intercept2019})).

## FALCON: used to plan raids

The FALCON operations and maintenance award, HSCETC15C00001, began in 2015. By May 2018 its current value, meaning the base contract plus the options ICE had exercised, was $39,340,900.82 ([USAspending award HSCETC15C00001, May 2018](${SRC.usasFalcon})). Business Insider reported that ICE agents used FALCON to plan and organize workplace raids, and that Palantir had earned $84 million to $111 million from it since 2013 ([Business Insider, Sep 2021](${SRC.businessInsider2021})). In July 2022 it reported that ICE planned to replace FALCON with a custom system called RAVEn ([Business Insider, Jul 2022](${SRC.businessInsider2022})).

## Our ask

Every renewal is a choice. We ask Palantir to end its FALCON and ICM work for ICE, and to sign no new contracts that help ICE track, arrest or deport people.`,
    titleEs: "Palantir: cancela los contratos FALCON e ICM con ICE",
    askEs: "Palantir, pon fin a tus contratos FALCON e ICM con ICE y no firmes otros nuevos.",
    storyEs: `Palantir fabrica dos de los sistemas de datos con los que ICE busca a personas: ICM (Gestión de Casos de Investigación) y FALCON.

## ICM: perfiles armados con muchas bases de datos

ICE contrató a Palantir en septiembre de 2014 para construir ICM, en un acuerdo que entonces se reportó en 42 millones de dólares ([Nextgov, sep 2014](${SRC.nextgov2014})). Según documentos del gobierno obtenidos por The Intercept, ICM junta registros federales y privados en perfiles que pueden incluir el historial migratorio, los lazos familiares, el domicilio, los registros telefónicos y los rasgos biométricos de una persona ([The Intercept, 2 mar 2017](${SRC.intercept2017})).

Para mayo de 2018, el contrato de ICM (HSCETC14C00002) tenía un tope de US$53,148,388.39, lo máximo que ICE podía pagar si ejercía todas las opciones ([USAspending, contrato HSCETC14C00002, may 2018](${SRC.usasIcm})). En agosto de 2019, ICE renovó ICM por tres años más sin licitación, en un acuerdo reportado de US$49,874,018.14 ([Vice, ago 2019](${SRC.vice2019})). Documentos publicados por The Intercept mostraron que ICM estuvo en el centro de un operativo de ICE en 2017 dirigido contra niños que cruzaron la frontera solos y contra sus familias ([The Intercept, 2 may 2019](${SRC.intercept2019})).

## FALCON: usado para planear redadas

El contrato de operación y mantenimiento de FALCON (HSCETC15C00001) empezó en 2015. Para mayo de 2018, su valor vigente (contrato base más opciones ejercidas) era de US$39,340,900.82 ([USAspending, contrato HSCETC15C00001, may 2018](${SRC.usasFalcon})). Business Insider informó que agentes de ICE usaron FALCON para planear y organizar redadas en lugares de trabajo, y que Palantir había ganado entre 84 y 111 millones de dólares con ese sistema desde 2013 ([Business Insider, sep 2021](${SRC.businessInsider2021})). En julio de 2022, el mismo medio informó que ICE planeaba reemplazar FALCON con RAVEn, un sistema hecho a la medida ([Business Insider, jul 2022](${SRC.businessInsider2022})).

## Lo que pedimos

Cada renovación es una decisión. Le pedimos a Palantir que deje su trabajo en FALCON e ICM para ICE y que no firme nuevos contratos que ayuden a ICE a rastrear, detener o deportar a personas.`,
    targets: ["palantir"],
    publishedDaysAgo: 7,
  },
  {
    slug: "thomson-reuters-cut-ice-data",
    kind: "petition",
    status: "live",
    title: "Thomson Reuters: stop selling people’s data to ICE",
    ask: "Thomson Reuters, stop selling ICE access to personal data, from CLEAR to license-plate records, and commit to no new data contracts with ICE.",
    story: `Through two subsidiaries, West Publishing and Thomson Reuters Special Services, Thomson Reuters has sold ICE access to data about people. The federal spending record shows how much.

## CLEAR

CLEAR is a subscription database from West Publishing. ICE obligated $20,632,465.71 for CLEAR access from January 2017 to February 2021 ([USAspending award HSCEMD17F00008, Mar 2025](${SRC.usasClear2017})). That followed $6,128,886.48 obligated on an earlier CLEAR order, from 2015 to 2017 ([USAspending award HSCEMD16F00003, Mar 2025](${SRC.usasClear2015})).

## License plates

In December 2017 ICE gave West Publishing a contract for “access to license plate reader database.” The Verge reported that the deal opened Vigilant Solutions’ database of plate scans to ICE, so agents can see every place a plate has been spotted in the past five years ([The Verge, 26 Jan 2018](${SRC.verge2018})). ICE obligated $7,391,976 on that award through May 2021 ([USAspending award 70CDCR18P00000017, Mar 2025](${SRC.usasLpr})).

## Data for deportation officers

In February 2018 ICE’s Enforcement and Removal Operations bought “subscription data services” from Thomson Reuters Special Services: $1,279,008 obligated at the start, with a ceiling of $6,790,488 if every option were used ([USAspending award 70CDCR18P00000048, Feb 2018](${SRC.usasTrss})).

Adding up ICE’s surveillance contracts during Trump’s first term, Top10VPN counted $40.9 million paid to Thomson Reuters ([Top10VPN, 2021](${SRC.top10vpn})).

## Our ask

The CLEAR and license-plate awards above ran until 2021. We ask Thomson Reuters to stop selling ICE data about people, and to commit in public to no new data contracts with ICE.`,
    titleEs: "Thomson Reuters: deja de venderle a ICE datos de las personas",
    askEs: "Thomson Reuters, deja de venderle a ICE acceso a datos personales, desde CLEAR hasta registros de placas, y comprométete a no firmar nuevos contratos de datos con ICE.",
    storyEs: `A través de dos filiales, West Publishing y Thomson Reuters Special Services, Thomson Reuters le ha vendido a ICE acceso a datos sobre personas. El registro federal de gastos muestra cuánto.

## CLEAR

CLEAR es una base de datos por suscripción de West Publishing. ICE comprometió US$20,632,465.71 para acceder a CLEAR entre enero de 2017 y febrero de 2021 ([USAspending, contrato HSCEMD17F00008, mar 2025](${SRC.usasClear2017})). Antes había comprometido US$6,128,886.48 en un pedido anterior de CLEAR, de 2015 a 2017 ([USAspending, contrato HSCEMD16F00003, mar 2025](${SRC.usasClear2015})).

## Placas de autos

En diciembre de 2017, ICE le dio a West Publishing un contrato de “acceso a una base de datos de lectores de placas”. The Verge informó que el acuerdo le abrió a ICE la base de datos de placas de Vigilant Solutions, con la que los agentes pueden ver cada lugar donde se detectó una placa en los últimos cinco años ([The Verge, 26 ene 2018](${SRC.verge2018})). ICE comprometió US$7,391,976 en ese contrato hasta mayo de 2021 ([USAspending, contrato 70CDCR18P00000017, mar 2025](${SRC.usasLpr})).

## Datos para los agentes de deportación

En febrero de 2018, la división de ICE a cargo de detenciones y deportaciones (ERO, por sus siglas en inglés) le compró “servicios de datos por suscripción” a Thomson Reuters Special Services: US$1,279,008 comprometidos al inicio, con un tope de US$6,790,488 si se ejercían todas las opciones ([USAspending, contrato 70CDCR18P00000048, feb 2018](${SRC.usasTrss})).

Al sumar los contratos de vigilancia de ICE durante el primer mandato de Trump, Top10VPN contó 40.9 millones de dólares pagados a Thomson Reuters ([Top10VPN, 2021](${SRC.top10vpn})).

## Lo que pedimos

Los contratos de CLEAR y de placas duraron hasta 2021. Le pedimos a Thomson Reuters que deje de venderle a ICE datos sobre las personas y que se comprometa públicamente a no firmar nuevos contratos de datos con la agencia.`,
    targets: ["thomson-reuters"],
    publishedDaysAgo: 12,
  },
  {
    slug: "no-palantir-careers-pledge",
    kind: "pledge",
    status: "live",
    title: "Pledge: I won’t work for Palantir while it works for ICE",
    ask: "Palantir, as long as you work for ICE, we will not work for you.",
    story: `Palantir needs engineers, and it looks for them at campus career fairs. This pledge is for students and tech workers who refuse to build ICE’s tools.

## What Palantir builds for ICE

Palantir built ICM, the case management system used by ICE investigators ([USAspending award HSCETC14C00002, May 2018](${SRC.usasIcm})), and it operates FALCON, a search and analysis system for ICE agents ([USAspending award HSCETC15C00001, May 2018](${SRC.usasFalcon})). ICM combines records from many sources into profiles of people, including their family ties, addresses and phone records ([The Intercept, 2 Mar 2017](${SRC.intercept2017})). In 2017 ICE used it in an operation aimed at children who crossed the border alone and their families ([The Intercept, 2 May 2019](${SRC.intercept2019})). Business Insider reported that agents used FALCON to plan workplace raids ([Business Insider, Sep 2021](${SRC.businessInsider2021})).

## On campus

At a Georgia Tech career fair, students talked with people waiting in Palantir’s recruiting line, and many stepped out of it, said Eric Gross, a Georgia Tech PhD student ([Streets of Atlanta, 16 Oct 2019](${SRC.streetsOfAtlanta})). Organizers report that students on more than 30 campuses have signed pledges not to work for Palantir, and that UC Berkeley dropped Palantir as a sponsor. We have not verified these reports independently ([Streets of Atlanta, 16 Oct 2019](${SRC.streetsOfAtlanta})).

## The pledge

By signing, you commit not to apply to, interview with or accept work from Palantir while it holds contracts with ICE. Tell your classmates and coworkers: Palantir’s recruiters should hear the same answer everywhere.`,
    titleEs: "Compromiso: no trabajaré para Palantir mientras trabaje para ICE",
    askEs: "Palantir, mientras trabajes para ICE, no vamos a trabajar para ti.",
    storyEs: `Palantir necesita ingenieros y los busca en las ferias de empleo universitarias. Este compromiso es para estudiantes y trabajadores de la tecnología que se niegan a construir las herramientas de ICE.

## Qué construye Palantir para ICE

Palantir creó ICM, el sistema de gestión de casos que usan los investigadores de ICE ([USAspending, contrato HSCETC14C00002, may 2018](${SRC.usasIcm})), y opera FALCON, un sistema de búsqueda y análisis para agentes de ICE ([USAspending, contrato HSCETC15C00001, may 2018](${SRC.usasFalcon})). ICM reúne registros de muchas fuentes en perfiles de personas, con sus lazos familiares, domicilios y registros telefónicos ([The Intercept, 2 mar 2017](${SRC.intercept2017})). En 2017, ICE lo usó en un operativo dirigido contra niños que cruzaron la frontera solos y contra sus familias ([The Intercept, 2 may 2019](${SRC.intercept2019})). Business Insider informó que los agentes usaron FALCON para planear redadas en lugares de trabajo ([Business Insider, sep 2021](${SRC.businessInsider2021})).

## En las universidades

En una feria de empleo de Georgia Tech, estudiantes hablaron con quienes hacían fila en el puesto de reclutamiento de Palantir, y muchos se salieron de la fila, contó Eric Gross, estudiante de doctorado de Georgia Tech ([Streets of Atlanta, 16 oct 2019](${SRC.streetsOfAtlanta})). Según los organizadores, estudiantes de más de 30 universidades han firmado compromisos de no trabajar para Palantir, y UC Berkeley dejó de aceptar a Palantir como patrocinador. No hemos verificado estos datos de forma independiente ([Streets of Atlanta, 16 oct 2019](${SRC.streetsOfAtlanta})).

## El compromiso

Al firmar, te comprometes a no postularte, no ir a entrevistas y no aceptar trabajo en Palantir mientras tenga contratos con ICE. Cuéntales a tus compañeros de clase y de trabajo: los reclutadores de Palantir deben escuchar la misma respuesta en todas partes.`,
    targets: ["palantir"],
    publishedDaysAgo: 20,
  },
];
