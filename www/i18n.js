// The demo page's own words in English and Spanish, side by side (the
// findings' texts come from the engine, in the language asked for). `{name}`
// is filled by `t`; both languages of a text name the same placeholders (a
// test checks it). Spanish follows docs/glossary.md. The questionnaire's
// labels are translated by path (FIELDS), so its SECTIONS stay one list.

export const PAGE = {
  en: {
    title: 'Bid risk screening — LA Business Opportunities Portal (ctip-screen demo)',
    skip: 'Skip to main content',
    portalSub: 'Evaluator workspace · ',
    demoData: 'demo with sample data',
    navLabel: 'Workspace',
    navEvaluate: 'Evaluate a bid',
    navCompare: 'Compare bids',
    navData: 'Import and export',
    navPolicy: 'Policy and lists',
    navVendor: 'Vendor self-check',
    language: 'Language',
    auditRecord: 'Audit record',
    riskPanelLink: 'Risk panel',
    introTitle: 'Labor-trafficking risk screening',
    intro: "ctip-screen checks a vendor's bid for risk indicators of labor trafficking and labor exploitation (FAR 52.222-50 and California and Los Angeles law). Every finding names its rule, the evidence in the bid, the law behind it and the next step. It runs entirely in this browser: bids are never sent anywhere. It recommends; people decide.",
    loading: 'Loading the screening engine…',
    loadFailed: 'The screening engine could not be loaded: {error}',
    ready: 'Engine ready: ctip-screen {version}, policy {policy}, {rules} rules. Bids stay in this browser.',
    pickerTitle: 'Solicitation and bid',
    solicitation: 'Solicitation',
    bidsReceived: 'Bids received',
    pickHint: 'Choose a bid to open its questionnaire and risk panel.',
    evaluateTitle: 'Evaluate a bid',
    formTitle: 'Vendor questionnaire',
    formHint: 'Edit any answer and the risk panel updates at once. Leave a field empty when the bid does not say: empty means "not provided", which the panel lists as missing information.',
    panelTitle: 'Risk panel',
    download: 'Download assessment (JSON)',
    print: 'Print audit record',
    compareTitle: 'Compare the bids of this solicitation',
    compareHint: 'Choose a solicitation to compare its bids.',
    dataTitle: 'Import and export',
    dataHint: 'Load a submission, an array of bids of one solicitation, or Open Contracting (OCDS) data (release package, record package, or JSON Lines of releases). The file is read in this browser only.',
    importLabel: 'Load a file from disk',
    chooseFile: 'Choose a file…',
    policyTitle: 'Policy and reference lists',
    policyHint: 'The numbers and lists every finding rests on, with their editions and digests, and which dated ones may be out of date. A city can load a newer official goods list or new wage floors here without waiting for a new version of ctip-screen; they are used for every score on this page and named in each assessment.',
    staleTitle: 'Dated numbers that may be out of date',
    newerTitle: 'Load newer data',
    goodsLabel: "A newer DOL goods list (CSV: the columns of data/*.csv, or ILAB's own)",
    floorsLabel: 'Wage floors to add (JSON array of policy wageFloors entries)',
    resetData: 'Use the built-in lists and floors again',
    footer: 'Demo of ctip-screen. Sample bids, vendors and people are fictitious. Rule catalogue and citations: ',
    bidCount: '{n} bid',
    bidsCount: '{n} bids',
    noId: '(no id)',
    noVendor: '(no vendor name)',
    noPrice: 'no price',
    errorsOne: 'The bid cannot be scored until this is fixed:',
    errorsMany: 'The bid cannot be scored until these are fixed:',
    bidIssue: 'Bid: {message}',
    cannotScore: 'The bid has errors and cannot be scored.',
    announce: 'Score {score} of 100, {tier}, {findings}.',
    findingOne: '{n} finding',
    findingsMany: '{n} findings',
    cannotCompare: 'These bids cannot be compared until their errors are fixed. {issues}',
    stats: '{count} bids · lowest {min} · highest {max} · mean of all bids {mean} · median {median}',
    meansHint: 'An abnormally low finding compares each bid with the mean its rule defines (RGLCAP art. 85 leaves out bids far above the first mean), which its message gives; it can differ from the mean of all bids. Scores in the table include the findings across bids; the risk panel above scores the bid alone.',
    chartCaption: 'Bid prices. Hatched bars are abnormally low under RGLCAP art. 85 as the policy applies it.',
    tableCaption: 'Scores of the bids for {id}, cross-bid findings included',
    tableRegion: 'Scores of the bids for {id}',
    colBid: 'Bid',
    colVendor: 'Vendor',
    colPrice: 'Price',
    colScore: 'Score',
    colTier: 'Tier',
    colReview: 'Review',
    required: 'Required',
    notRequired: 'Not required',
    crossTitle: 'Findings across bids ({n})',
    noCross: 'No findings across these bids.',
    crossMeta: 'Bids: {bids} · Law or standard: {citations} · Next step: {action} · Rule: {rule}',
    recSolicitation: 'Solicitation',
    recBid: 'Bid',
    recScore: 'Score and tier',
    recCross: 'Findings across bids',
    recCrossNone: 'None for this bid.',
    recCrossItem: '{title} ({severity}): {message} Next step: {action}',
    recCrossError: 'Not available: {error}',
    recAsOf: 'Evaluated as of',
    recPolicy: 'Policy',
    recPolicyValue: '{id} version {version}',
    recDigest: 'Policy digest',
    recList: 'Goods list: {list}',
    recListValue: '{edition} edition, {rows} rows, {digest}',
    recEngine: 'Engine',
    recPrinted: 'Printed',
    recNote: 'Note',
    recNoteValue: 'Risk indicators for review. ctip-screen recommends; the evaluator decides.',
    readFailed: 'Could not read {file}: {error}',
    readingOcds: 'Reading {file} as Open Contracting data…',
    noOcdsBids: 'no contracting process with readable bids. {skipped}',
    excludedBid: '{ocid} bid {bid}: {reason}',
    importedOcds: 'Imported from OCDS: {title}',
    loadedOcds: 'Loaded {n} contracting process(es) from {file}.',
    notRead: ' Not read: {n} ({list}).',
    importedBids: 'Imported bids ({file})',
    importedBid: 'Imported bid ({file})',
    notSubmission: 'expected a submission, an array of submissions, or OCDS data',
    loadFailedFile: 'Could not load {file}: {error}',
    loadedBid: 'Loaded {n} bid from {file}.',
    loadedBids: 'Loaded {n} bids from {file}.',
    polPolicy: 'Policy',
    polPolicyValue: '{id} version {version}, published {published}',
    polFar: 'FAR text followed',
    polList: 'Goods list ({list})',
    polFloors: 'Wage floors added',
    polFloorsValue: '{n} from a loaded file',
    polChanges: 'What changed in version {version} ({date}), and why',
    polNoneStale: 'As of {date}, no dated number is older than it is expected to last.',
    polStale: 'As of {date}, {stale} of {total} dated series may be out of date: a newer rate or edition probably exists that this policy does not have. Findings name the edition or rate they rely on, and an assessment dated after an old wage floor gets a policy-stale note.',
    polFuture: 'takes effect in {n} months',
    polAge: '{n} months old',
    polMayBeStale: 'May be out of date: ',
    polCurrent: 'Current: ',
    polSeries: '{series}, newest entry {newest} ({age}; expected to last {months} months). ',
    floorsNotArray: 'expected a JSON array of wage floors',
    useFailed: 'Could not use {file}: {detail}',
    useLoaded: 'Loaded {file}; every score on this page now uses it.',
    useBuiltin: 'Using the built-in lists and floors.',
    scoreBar: '{id}: {score}/100, {tier}, {findings}',
    notStated: 'Not stated',
    yes: 'Yes',
    no: 'No',
    listGiven: '{title} in the bid',
    statedRows: 'Stated (none if no rows below)',
    addRow: 'Add {item}',
    removeRow: 'Remove {item} {n}',
    rowLabel: '{label} ({item} {n})',
    chartLow: 'abnormally low',
    chartPrices: 'Bid prices',
    chartMean: 'mean',
    chartMeanTitle: 'Mean',
  },
  es: {
    title: 'Evaluación de riesgo de ofertas — Portal de Oportunidades de Negocio de LA (demo de ctip-screen)',
    skip: 'Ir al contenido principal',
    portalSub: 'Espacio de trabajo del evaluador · ',
    demoData: 'demo con datos de ejemplo',
    navLabel: 'Espacio de trabajo',
    navEvaluate: 'Evaluar una oferta',
    navCompare: 'Comparar ofertas',
    navData: 'Importar y exportar',
    navPolicy: 'Política de evaluación y listas',
    navVendor: 'Autoevaluación del proveedor',
    language: 'Idioma',
    auditRecord: 'Registro de auditoría',
    riskPanelLink: 'Panel de riesgo',
    introTitle: 'Evaluación del riesgo de trata laboral',
    intro: 'ctip-screen revisa la oferta de un proveedor en busca de indicadores de riesgo de trata laboral y explotación laboral (FAR 52.222-50 y leyes de California y de Los Ángeles). Cada hallazgo indica su regla, la evidencia en la oferta, la ley en que se basa y el siguiente paso. Funciona por completo en este navegador: las ofertas nunca se envían a ninguna parte. Recomienda; las personas deciden.',
    loading: 'Cargando el motor de evaluación…',
    loadFailed: 'No se pudo cargar el motor de evaluación: {error}',
    ready: 'Motor listo: ctip-screen {version}, política de evaluación {policy}, {rules} reglas. Las ofertas se quedan en este navegador.',
    pickerTitle: 'Convocatoria y oferta',
    solicitation: 'Convocatoria',
    bidsReceived: 'Ofertas recibidas',
    pickHint: 'Elija una oferta para abrir su cuestionario y su panel de riesgo.',
    evaluateTitle: 'Evaluar una oferta',
    formTitle: 'Cuestionario del proveedor',
    formHint: 'Cambie cualquier respuesta y el panel de riesgo se actualiza al instante. Deje un campo vacío cuando la oferta no lo diga: vacío significa "no indicado", y el panel lo muestra como información faltante.',
    panelTitle: 'Panel de riesgo',
    download: 'Descargar la evaluación (JSON)',
    print: 'Imprimir el registro de auditoría',
    compareTitle: 'Comparar las ofertas de esta convocatoria',
    compareHint: 'Elija una convocatoria para comparar sus ofertas.',
    dataTitle: 'Importar y exportar',
    dataHint: 'Cargue una oferta, un arreglo de ofertas de una misma convocatoria o datos de Open Contracting (OCDS) (paquete de entregas, paquete de registros o JSON Lines de entregas). El archivo se lee solo en este navegador.',
    importLabel: 'Cargar un archivo del disco',
    chooseFile: 'Elegir un archivo…',
    policyTitle: 'Política de evaluación y listas de referencia',
    policyHint: 'Las cifras y listas en que se basa cada hallazgo, con sus ediciones y huellas, y cuáles de las fechadas pueden estar desactualizadas. Una ciudad puede cargar aquí una lista oficial de bienes más reciente o nuevos salarios mínimos aplicables sin esperar una nueva versión de ctip-screen; se usan en cada puntuación de esta página y se indican en cada evaluación.',
    staleTitle: 'Cifras fechadas que pueden estar desactualizadas',
    newerTitle: 'Cargar datos más recientes',
    goodsLabel: 'Una lista de bienes del DOL más reciente (CSV: las columnas de data/*.csv, o las de ILAB)',
    floorsLabel: 'Salarios mínimos aplicables que agregar (arreglo JSON de entradas wageFloors de la política de evaluación)',
    resetData: 'Volver a usar las listas y los salarios mínimos incluidos',
    footer: 'Demo de ctip-screen. Las ofertas, los proveedores y las personas de ejemplo son ficticios. Catálogo de reglas y fundamentos: ',
    bidCount: '{n} oferta',
    bidsCount: '{n} ofertas',
    noId: '(sin identificador)',
    noVendor: '(sin nombre de proveedor)',
    noPrice: 'sin precio',
    errorsOne: 'No se puede puntuar la oferta hasta corregir esto:',
    errorsMany: 'No se puede puntuar la oferta hasta corregir esto:',
    bidIssue: 'Oferta: {message}',
    cannotScore: 'La oferta tiene errores y no se puede puntuar.',
    announce: 'Puntuación {score} de 100, {tier}, {findings}.',
    findingOne: '{n} hallazgo',
    findingsMany: '{n} hallazgos',
    cannotCompare: 'No se pueden comparar estas ofertas hasta corregir sus errores. {issues}',
    stats: '{count} ofertas · la más baja {min} · la más alta {max} · media de todas las ofertas {mean} · mediana {median}',
    meansHint: 'Un hallazgo de oferta anormalmente baja compara cada oferta con la media que define su regla (el RGLCAP art. 85 deja fuera las ofertas muy por encima de la primera media), que su mensaje indica; puede diferir de la media de todas las ofertas. Las puntuaciones de la tabla incluyen los hallazgos entre las ofertas; el panel de riesgo de arriba puntúa la oferta sola.',
    chartCaption: 'Precios de las ofertas. Las barras rayadas son anormalmente bajas según el RGLCAP art. 85, tal como lo aplica la política de evaluación.',
    tableCaption: 'Puntuaciones de las ofertas de {id}, con los hallazgos entre las ofertas',
    tableRegion: 'Puntuaciones de las ofertas de {id}',
    colBid: 'Oferta',
    colVendor: 'Proveedor',
    colPrice: 'Precio',
    colScore: 'Puntuación',
    colTier: 'Nivel de riesgo',
    colReview: 'Revisión',
    required: 'Se requiere',
    notRequired: 'No se requiere',
    crossTitle: 'Hallazgos entre las ofertas ({n})',
    noCross: 'No hay hallazgos entre estas ofertas.',
    crossMeta: 'Ofertas: {bids} · Ley o norma: {citations} · Siguiente paso: {action} · Regla: {rule}',
    recSolicitation: 'Convocatoria',
    recBid: 'Oferta',
    recScore: 'Puntuación y nivel de riesgo',
    recCross: 'Hallazgos entre las ofertas',
    recCrossNone: 'Ninguno para esta oferta.',
    recCrossItem: '{title} ({severity}): {message} Siguiente paso: {action}',
    recCrossError: 'No disponible: {error}',
    recAsOf: 'Fecha de evaluación',
    recPolicy: 'Política de evaluación',
    recPolicyValue: '{id} versión {version}',
    recDigest: 'Huella de la política de evaluación',
    recList: 'Lista de bienes: {list}',
    recListValue: 'edición {edition}, {rows} filas, {digest}',
    recEngine: 'Motor',
    recPrinted: 'Impreso',
    recNote: 'Nota',
    recNoteValue: 'Indicadores de riesgo para revisar. ctip-screen recomienda; la persona evaluadora decide.',
    readFailed: 'No se pudo leer {file}: {error}',
    readingOcds: 'Leyendo {file} como datos de Open Contracting…',
    noOcdsBids: 'ningún proceso de contratación con ofertas legibles. {skipped}',
    excludedBid: '{ocid} oferta {bid}: {reason}',
    importedOcds: 'Importado de OCDS: {title}',
    loadedOcds: 'Se cargaron {n} procesos de contratación de {file}.',
    notRead: ' No leídos: {n} ({list}).',
    importedBids: 'Ofertas importadas ({file})',
    importedBid: 'Oferta importada ({file})',
    notSubmission: 'se esperaba una oferta, un arreglo de ofertas o datos OCDS',
    loadFailedFile: 'No se pudo cargar {file}: {error}',
    loadedBid: 'Se cargó {n} oferta de {file}.',
    loadedBids: 'Se cargaron {n} ofertas de {file}.',
    polPolicy: 'Política de evaluación',
    polPolicyValue: '{id} versión {version}, publicada el {published}',
    polFar: 'Texto de la FAR seguido',
    polList: 'Lista de bienes ({list})',
    polFloors: 'Salarios mínimos aplicables agregados',
    polFloorsValue: '{n} de un archivo cargado',
    polChanges: 'Qué cambió en la versión {version} ({date}), y por qué',
    polNoneStale: 'Al {date}, ninguna cifra fechada es más antigua de lo que se espera que dure.',
    polStale: 'Al {date}, {stale} de {total} series fechadas pueden estar desactualizadas: probablemente existe una tarifa o edición más reciente que esta política de evaluación no tiene. Los hallazgos indican la edición o la tarifa en que se basan, y una evaluación con fecha posterior a un salario mínimo aplicable antiguo recibe una nota policy-stale.',
    polFuture: 'entra en vigor en {n} meses',
    polAge: 'tiene {n} meses',
    polMayBeStale: 'Puede estar desactualizada: ',
    polCurrent: 'Vigente: ',
    polSeries: '{series}, entrada más reciente {newest} ({age}; se espera que dure {months} meses). ',
    floorsNotArray: 'se esperaba un arreglo JSON de salarios mínimos aplicables',
    useFailed: 'No se pudo usar {file}: {detail}',
    useLoaded: 'Se cargó {file}; ahora cada puntuación de esta página lo usa.',
    useBuiltin: 'Se usan las listas y los salarios mínimos incluidos.',
    scoreBar: '{id}: {score}/100, {tier}, {findings}',
    notStated: 'No indicado',
    yes: 'Sí',
    no: 'No',
    listGiven: '{title} en la oferta',
    statedRows: 'Indicado (ninguno sin filas)',
    addRow: 'Agregar {item}',
    removeRow: 'Quitar {item} {n}',
    rowLabel: '{label} ({item} {n})',
    chartLow: 'anormalmente baja',
    chartPrices: 'Precios de las ofertas',
    chartMean: 'media',
    chartMeanTitle: 'Media',
  },
};

/**
 * The questionnaire in Spanish: section titles, field labels by path (the
 * English ones are in questionnaire.js), list titles and row words, and the
 * checkbox choices, and how a drop-down shows each vocabulary word
 * (`words`). The words themselves (`la-city`, `weekly`) stay as SPEC fixes
 * them in the submission: they are data; only what the list shows is
 * Spanish.
 */
export const FORM_ES = {
  sections: {
    Bid: 'Oferta',
    Solicitation: 'Convocatoria',
    Vendor: 'Proveedor',
    Price: 'Precio',
    Workforce: 'Personal',
    Recruitment: 'Reclutamiento',
    Subcontractors: 'Subcontratistas',
    'Supply chain': 'Cadena de suministro',
    'Anti-trafficking compliance': 'Cumplimiento contra la trata de personas',
    History: 'Historial',
  },
  fields: {
    id: 'Identificador de la oferta',
    submittedOn: 'Presentada el',
    'solicitation.id': 'Identificador de la convocatoria',
    'solicitation.title': 'Título',
    'solicitation.jurisdiction': 'Jurisdicción',
    'solicitation.sector': 'Sector',
    'solicitation.publicWork': 'Obra pública (salario prevaleciente)',
    'solicitation.estimatedValue': 'Valor estimado (USD)',
    'solicitation.procurementMethod': 'Método de contratación',
    'solicitation.procurementCategory': 'Compra bienes, servicios u obras',
    'solicitation.tenderPeriod.start': 'Ofertas invitadas desde',
    'solicitation.tenderPeriod.end': 'Ofertas hasta',
    'solicitation.performancePeriod.start': 'Inicio de la ejecución',
    'solicitation.performancePeriod.end': 'Fin de la ejecución',
    'vendor.name': 'Nombre legal',
    'vendor.identifiers.uei': 'UEI',
    'vendor.identifiers.fein': 'FEIN',
    'vendor.identifiers.dir': 'Número de registro del DIR',
    'vendor.incorporatedOn': 'Fecha de constitución',
    'vendor.address.street': 'Calle',
    'vendor.address.city': 'Ciudad',
    'vendor.address.region': 'Estado',
    'vendor.address.postalCode': 'Código postal',
    'vendor.address.country': 'País (código ISO)',
    'vendor.contact.email': 'Correo electrónico',
    'vendor.contact.phone': 'Teléfono',
    'vendor.principals': 'Socios principales (separados por comas)',
    'vendor.annualRevenue': 'Ingresos anuales (USD)',
    'vendor.businessType': 'Tipo de negocio',
    'vendor.laborBroker': 'El proveedor es un intermediario laboral o una agencia de personal',
    'price.total': 'Precio total (USD)',
    'price.laborCost': 'Costo de mano de obra (USD)',
    'price.laborHours': 'Horas de trabajo',
    'price.offshoreValue': 'Valor ejecutado o comprado fuera de EE. UU. (USD)',
    'price.offshoreCotsOnly': 'La parte de fuera de EE. UU. son solo artículos comerciales estándar',
    'workforce.headcount': 'Número habitual de trabajadores',
    'workforce.peakHeadcount': 'Número máximo de trabajadores',
    'workforce.temporaryShare': 'Trabajadores temporales (%)',
    'workforce.independentContractorShare': 'Contratistas independientes (%)',
    'workforce.recruitedAbroad': 'Trabajadores reclutados en el extranjero',
    'workforce.temporaryWorkerProgram': 'Programa de trabajadores temporales (H-2A, H-2B)',
    'workforce.languages': 'Idiomas que hablan los trabajadores (códigos, separados por comas)',
    'workforce.maxWeeklyHours': 'Semana programada más larga (horas)',
    'workforce.housingProvided': 'El empleador proporciona vivienda',
    'workforce.payFrequency': 'Frecuencia de pago a los trabajadores',
    'workforce.payHeldBack': 'Retención de salario: una parte se retiene hasta el final del trabajo',
    'recruitment.usesRecruiters': 'Usa reclutadores o agencias',
    'recruitment.workerPaidFees': 'Cuotas de reclutamiento pagadas por los trabajadores (USD)',
    'compliance.certifications': 'Certificaciones',
    'compliance.antiTraffickingPolicy': 'Política contra la trata de personas, por escrito',
    'compliance.compliancePlan.provided': 'Presenta un plan de cumplimiento',
    'compliance.compliancePlan.elements': 'Elementos del plan',
    'compliance.compliancePlan.posted': 'Plan publicado en el lugar de trabajo y en el sitio web',
    'compliance.compliancePlan.annualCertification': 'Plan certificado cada año',
    'compliance.compliancePlan.subcontractorCertifications': 'Los subcontratistas certifican antes de la adjudicación',
    'compliance.training': 'Personal con capacitación sobre la trata de personas',
    'compliance.grievanceMechanism': 'Mecanismo de quejas',
    'compliance.hotlinePosted': 'Aviso de la línea directa publicado',
    'compliance.retainsWorkerDocuments': 'El empleador guarda documentos de identidad de los trabajadores',
    'compliance.contractLanguages': 'Idiomas de los contratos de trabajo (códigos, separados por comas)',
    'compliance.returnTransportPolicy': 'Paga el transporte de regreso',
    'compliance.returnTransportAgreement': 'Un acuerdo escrito con los trabajadores promete el transporte de regreso',
    'compliance.housingPlan': 'Plan de vivienda',
    'compliance.supplyChainDisclosureUrl': 'URL de la divulgación sobre la cadena de suministro',
  },
  lists: {
    'solicitation.wageDeterminations': { title: 'Determinaciones salariales', item: 'determinación' },
    'workforce.wageRates': { title: 'Salarios', item: 'salario' },
    'workforce.deductions': { title: 'Deducciones del salario', item: 'deducción' },
    'recruitment.recruiters': { title: 'Reclutadores', item: 'reclutador' },
    subcontractors: { title: 'Subcontratistas', item: 'subcontratista' },
    supplyItems: { title: 'Artículos de suministro', item: 'artículo de suministro' },
    'history.wageViolations': { title: 'Infracciones salariales', item: 'infracción' },
    'history.exclusions': { title: 'Exclusiones e inhabilitaciones', item: 'exclusión' },
    'history.traffickingFindings': { title: 'Determinaciones por trata de personas', item: 'determinación' },
  },
  rowFields: {
    role: 'Puesto',
    hourly: 'Salario por hora (USD)',
    source: 'Fuente',
    workers: 'Trabajadores',
    kind: 'Tipo',
    amountPerWeek: 'Monto por semana (USD)',
    name: 'Nombre',
    licensed: 'Con licencia',
    country: 'País (código ISO)',
    tier: 'Nivel',
    shareOfValue: 'Parte del valor (%)',
    sector: 'Sector',
    laborBroker: 'Intermediario laboral',
    flowDown: 'Cláusula trasladada',
    'identifiers.dir': 'Número del DIR',
    dirRegistered: 'Registrado ante el DIR',
    description: 'Descripción',
    good: 'Bien (como en las listas del DOL)',
    countryOfOrigin: 'País de origen (código ISO)',
    value: 'Valor (USD)',
    supplier: 'Suministrador',
    date: 'Fecha',
    amount: 'Monto (USD)',
    status: 'Situación',
    agency: 'Agencia',
    list: 'Lista',
    active: 'Vigente',
    until: 'Hasta',
  },
  choices: {
    'Awareness program': 'Programa de concientización',
    'Reporting process': 'Proceso para reportar',
    'Recruitment and wage plan': 'Plan de reclutamiento y salarios',
    'Housing plan': 'Plan de vivienda',
    'Subcontractor monitoring': 'Supervisión de subcontratistas',
    'LA sweat-free': 'Sweat-free de LA',
  },
  words: {
    'la-city': 'Ciudad de Los Ángeles',
    'la-county': 'Condado de Los Ángeles',
    california: 'California',
    federal: 'Federal',
    construction: 'Construcción',
    janitorial: 'Limpieza',
    landscaping: 'Jardinería',
    hospitality: 'Hotelería',
    'event-staffing': 'Personal para eventos',
    'food-service': 'Servicio de comidas',
    security: 'Seguridad',
    apparel: 'Confección de ropa',
    laundry: 'Lavandería',
    electronics: 'Electrónica',
    transportation: 'Transporte',
    warehousing: 'Almacenes',
    agriculture: 'Agricultura',
    manufacturing: 'Manufactura',
    'professional-services': 'Servicios profesionales',
    open: 'Abierto',
    selective: 'Selectivo',
    limited: 'Limitado',
    direct: 'Adjudicación directa',
    goods: 'Bienes',
    services: 'Servicios',
    works: 'Obras',
    retailer: 'Minorista',
    manufacturer: 'Fabricante',
    'h-2a': 'H-2A',
    'h-2b': 'H-2B',
    none: 'Ninguno',
    weekly: 'Semanal',
    biweekly: 'Cada dos semanas',
    semimonthly: 'Dos veces al mes',
    monthly: 'Mensual',
    recruitment: 'Reclutamiento',
    visa: 'Visa',
    travel: 'Viaje',
    housing: 'Vivienda',
    transport: 'Transporte',
    uniform: 'Uniforme',
    tools: 'Herramientas',
    meals: 'Comidas',
    deposit: 'Depósito',
    unpaid: 'Sin pagar',
    paid: 'Pagada',
    contested: 'Impugnada',
    other: 'Otro',
  },
};

/** The languages the page speaks, as the switch offers them. */
export const LANGUAGES = /** @type {const} */ ([['en', 'English'], ['es', 'Español']]);

/**
 * The language a tag chooses: `es` for any Spanish tag, else `en`.
 * @param {string | null | undefined} tag
 * @returns {'en' | 'es'}
 */
export function languageOf(tag) {
  return /^es(?:[-_]|$)/i.test(String(tag ?? '').trim()) ? 'es' : 'en';
}

/** @type {'en' | 'es'} */
let current = 'en';

/** @param {'en' | 'es'} lang */
export function setLanguage(lang) {
  current = lang;
}

/** @returns {'en' | 'es'} */
export function language() {
  return current;
}

/**
 * A text of `words` (PAGE, VENDOR) in `lang`, its placeholders filled; the
 * English one where a language lacks it.
 * @param {Record<'en' | 'es', Record<string, any>>} words
 * @param {'en' | 'es'} lang
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function textIn(words, lang, key, values = {}) {
  const template = String(words[lang][key] ?? words.en[key] ?? key);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A text of the demo page in the current language, its placeholders filled.
 * @param {keyof typeof PAGE.en} key
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function t(key, values = {}) {
  return textIn(PAGE, current, key, values);
}

/**
 * Writes a page's fixed words in `lang`: every element with data-i18n, the
 * aria-label of those with data-i18n-label, the title (the words' `title`),
 * the language switch (#language-select), and `lang` on the page, so that
 * screen readers switch voice.
 * @param {Document} doc
 * @param {Record<'en' | 'es', Record<string, any>>} words
 * @param {'en' | 'es'} lang
 */
export function applyWords(doc, words, lang) {
  doc.documentElement.lang = lang;
  doc.title = textIn(words, lang, 'title');
  for (const node of doc.querySelectorAll('[data-i18n]')) {
    const key = node.getAttribute('data-i18n') ?? '';
    if (key in words.en) node.textContent = textIn(words, lang, key);
  }
  for (const node of doc.querySelectorAll('[data-i18n-label]')) {
    const key = node.getAttribute('data-i18n-label') ?? '';
    if (key in words.en) node.setAttribute('aria-label', textIn(words, lang, key));
  }
  const select = /** @type {HTMLSelectElement | null} */ (doc.getElementById('language-select'));
  if (select) select.value = lang;
}

/**
 * The language a page opens in: ?lang=es, else the browser's, else English.
 * @returns {'en' | 'es'}
 */
export function initialLanguage() {
  return languageOf(new URLSearchParams(location.search).get('lang') ?? navigator.language);
}

/** Records `lang` in the page's address (?lang=), so a link keeps it. @param {'en' | 'es'} lang */
export function rememberLanguage(lang) {
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
}

/**
 * Why the browser could not read a chosen file, by the DOMException's
 * name, in both languages: the browser's own message is English (and says
 * "typically due to permission problems" for a file moved since).
 */
export const FILE_ERRORS = {
  en: {
    NotReadableError: 'the file could not be read: it may have been moved, changed or locked since it was chosen. Choose it again.',
    NotFoundError: 'the file is no longer where it was chosen. Choose it again.',
    SecurityError: 'the browser does not allow this page to read the file.',
    AbortError: 'reading the file was stopped.',
  },
  es: {
    NotReadableError: 'no se pudo leer el archivo: puede que se haya movido, cambiado o bloqueado desde que se eligió. Elíjalo de nuevo.',
    NotFoundError: 'el archivo ya no está donde se eligió. Elíjalo de nuevo.',
    SecurityError: 'el navegador no permite que esta página lea el archivo.',
    AbortError: 'se detuvo la lectura del archivo.',
  },
};

/**
 * Why a file could not be read, in `lang`: the words of FILE_ERRORS for the
 * browser's reasons, else the error's own message.
 * @param {unknown} error
 * @param {'en' | 'es'} lang
 * @returns {string}
 */
export function fileError(error, lang) {
  const name = /** @type {{ name?: unknown }} */ (error)?.name;
  const words = /** @type {Record<string, string>} */ (FILE_ERRORS[lang]);
  if (typeof name === 'string' && Object.hasOwn(words, name)) return words[name];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The vendor page's words (www/vendor.html, www/vendor.js), in English and
 * Spanish side by side, and the compliance-plan builder's parts of FAR
 * 52.222-50 with the clause's own paragraph numbers.
 */
export const VENDOR = {
  en: {
    title: 'Vendor self-check — LA Business Opportunities Portal (ctip-screen demo)',
    skip: 'Skip to main content',
    portalSub: 'Vendor workspace · ',
    demoData: 'demo with sample data',
    navLabel: 'Vendor workspace',
    navBid: 'Your bid',
    navCheck: 'What the city will see',
    navPlan: 'Compliance plan',
    navExport: 'Export',
    navEvaluator: 'Evaluator workspace',
    language: 'Language',
    introTitle: 'Check your bid before you submit it',
    intro: "Answer the questionnaire the city's portal uses, or load your bid as JSON, and see as you type what the city's evaluator will see: the risk indicators, the evidence and the law behind each one, and what you can do before submitting. Everything stays in this browser: nothing is sent anywhere. This is not a pass or fail: it shows what to fix and why.",
    loading: 'Loading the screening engine…',
    loadFailed: 'The screening engine could not be loaded: {error}',
    ready: 'Ready: the same engine and policy the city uses (ctip-screen {version}, policy {policy}). Your answers stay in this browser.',
    bidTitle: 'Your bid',
    importLabel: 'Load a bid you saved (Submission JSON)',
    chooseFile: 'Choose a file…',
    imported: 'Loaded {file}.',
    importFailed: 'Could not load {file}: {error}',
    notABid: 'expected one bid (a Submission JSON object)',
    formTitle: 'Questionnaire',
    formHint: 'Leave a field empty when you do not know yet: the city lists it as information it will ask for.',
    panelTitle: 'What the city will see',
    errorsTitle: 'The city cannot screen the bid until these are fixed:',
    announce: '{findings}, {gaps} pieces of information the city will ask for.',
    findingOne: '{n} finding',
    findingsMany: '{n} findings',
    planTitle: 'Compliance plan builder (FAR 52.222-50(h))',
    planHint: "Answer for each part of the plan the clause asks for. Your answers fill the questionnaire's compliance-plan fields, and below you get an outline and a checklist to print. They are a starting point, not legal advice: read the clause itself.",
    planStatus: 'Do you have this?',
    planUndecided: 'Not decided yet',
    planYes: 'Yes, or we will before award',
    planNo: 'No',
    planNotes: 'How (optional, for your outline)',
    outlineTitle: 'Compliance plan outline for {vendor}',
    outlineNote: 'A starting point drawn from your answers, not legal advice. The text of FAR 52.222-50 governs.',
    outlineDone: 'Answered yes',
    outlineTodo: 'To do',
    outlineNo: 'Answered no',
    outlineNoNotes: 'No notes yet.',
    checklistTitle: 'Checklist before you submit',
    checklistDone: 'Nothing left on the checklist: every part is answered yes.',
    printPlan: 'Print the plan outline and checklist',
    exportTitle: 'Export',
    exportHint: "Download your answers as a Submission JSON file to send with your bid: the city's evaluator can load it and starts from your own structured answers.",
    download: 'Download my answers (Submission JSON)',
    downloaded: 'Saved {file}.',
    footer: 'Demo of ctip-screen. Sample bids, vendors and people are fictitious. Not legal advice.',
    aVendor: 'your company',
  },
  es: {
    title: 'Autoevaluación del proveedor — Portal de Oportunidades de Negocio de LA (demo de ctip-screen)',
    skip: 'Ir al contenido principal',
    portalSub: 'Espacio de trabajo del proveedor · ',
    demoData: 'demo con datos de ejemplo',
    navLabel: 'Espacio de trabajo del proveedor',
    navBid: 'Su oferta',
    navCheck: 'Lo que verá la ciudad',
    navPlan: 'Plan de cumplimiento',
    navExport: 'Exportar',
    navEvaluator: 'Espacio de trabajo del evaluador',
    language: 'Idioma',
    introTitle: 'Revise su oferta antes de presentarla',
    intro: 'Conteste el cuestionario que usa el portal de la ciudad, o cargue su oferta como JSON, y vea mientras escribe lo que verá la persona evaluadora de la ciudad: los indicadores de riesgo, la evidencia y la ley en que se basa cada uno, y lo que puede hacer antes de presentar la oferta. Todo se queda en este navegador: nada se envía a ninguna parte. No es un aprobado o reprobado: muestra qué corregir y por qué.',
    loading: 'Cargando el motor de evaluación…',
    loadFailed: 'No se pudo cargar el motor de evaluación: {error}',
    ready: 'Listo: el mismo motor y la misma política de evaluación que usa la ciudad (ctip-screen {version}, política {policy}). Sus respuestas se quedan en este navegador.',
    bidTitle: 'Su oferta',
    importLabel: 'Cargar una oferta guardada (Submission JSON)',
    chooseFile: 'Elegir un archivo…',
    imported: 'Se cargó {file}.',
    importFailed: 'No se pudo cargar {file}: {error}',
    notABid: 'se esperaba una oferta (un objeto Submission JSON)',
    formTitle: 'Cuestionario',
    formHint: 'Deje un campo vacío cuando aún no lo sepa: la ciudad lo muestra como información que pedirá.',
    panelTitle: 'Lo que verá la ciudad',
    errorsTitle: 'La ciudad no puede evaluar la oferta hasta corregir esto:',
    announce: '{findings}, {gaps} datos que la ciudad pedirá.',
    findingOne: '{n} hallazgo',
    findingsMany: '{n} hallazgos',
    planTitle: 'Constructor del plan de cumplimiento (FAR 52.222-50(h))',
    planHint: 'Conteste por cada parte del plan que pide la cláusula. Sus respuestas llenan los campos del plan de cumplimiento del cuestionario, y abajo obtiene un esquema y una lista de verificación para imprimir. Son un punto de partida, no asesoría legal: lea la cláusula misma.',
    planStatus: '¿Tiene esto?',
    planUndecided: 'Aún no decidido',
    planYes: 'Sí, o lo tendremos antes de la adjudicación',
    planNo: 'No',
    planNotes: 'Cómo (opcional, para su esquema)',
    outlineTitle: 'Esquema del plan de cumplimiento de {vendor}',
    outlineNote: 'Un punto de partida a partir de sus respuestas, no asesoría legal. Rige el texto de FAR 52.222-50.',
    outlineDone: 'Respondido sí',
    outlineTodo: 'Pendiente',
    outlineNo: 'Respondido no',
    outlineNoNotes: 'Aún sin notas.',
    checklistTitle: 'Lista de verificación antes de presentar la oferta',
    checklistDone: 'No queda nada en la lista: cada parte está respondida con sí.',
    printPlan: 'Imprimir el esquema del plan y la lista de verificación',
    exportTitle: 'Exportar',
    exportHint: 'Descargue sus respuestas como un archivo Submission JSON para enviarlo con su oferta: la persona evaluadora de la ciudad puede cargarlo y empieza desde sus propias respuestas estructuradas.',
    download: 'Descargar mis respuestas (Submission JSON)',
    downloaded: 'Se guardó {file}.',
    footer: 'Demo de ctip-screen. Las ofertas, los proveedores y las personas de ejemplo son ficticios. No es asesoría legal.',
    aVendor: 'su empresa',
  },
};

/**
 * The parts of a compliance plan FAR 52.222-50 asks for, with the clause's
 * paragraph, the questionnaire field each answer fills, and the words in
 * both languages (a paraphrase of the clause; the clause governs).
 */
export const PLAN_PARTS = [
  {
    key: 'awareness', paragraph: '(h)(3)(i)', field: { element: 'awareness' },
    en: 'An awareness program: employees learn its policy against trafficking, the conduct it prohibits, and what happens to an employee who violates it.',
    es: 'Un programa de concientización: el personal conoce la política contra la trata de personas, las conductas que prohíbe y lo que le pasa a quien la viola.',
  },
  {
    key: 'reporting', paragraph: '(h)(3)(ii)', field: { element: 'reporting' },
    en: 'A process for employees to report conduct against its policy without fear of retaliation, with the Global Human Trafficking Hotline number made available to all of them.',
    es: 'Un proceso para que el personal reporte conductas contrarias a su política sin miedo a represalias, con el número de la línea directa Global Human Trafficking Hotline al alcance de todos.',
  },
  {
    key: 'recruitment-wage', paragraph: '(h)(3)(iii)', field: { element: 'recruitment-wage' },
    en: 'A recruitment and wage plan: only recruitment companies with trained employees, no recruitment fees charged to employees, and wages that meet the law where the work is done (or an explanation of any difference).',
    es: 'Un plan de reclutamiento y salarios: solo empresas de reclutamiento con personal capacitado, sin cobrar cuotas de reclutamiento al personal, y salarios que cumplan la ley del lugar donde se trabaja (o una explicación de cualquier diferencia).',
  },
  {
    key: 'housing', paragraph: '(h)(3)(iv)', field: { element: 'housing' },
    en: 'A housing plan, if you provide or arrange housing: housing that meets the housing and safety standards of the place.',
    es: 'Un plan de vivienda, si proporciona o gestiona vivienda: vivienda que cumpla las normas de vivienda y seguridad del lugar.',
  },
  {
    key: 'subcontractor-monitoring', paragraph: '(h)(3)(v)', field: { element: 'subcontractor-monitoring' },
    en: 'Procedures to keep agents and subcontractors at every tier from trafficking-related conduct, and to monitor, detect and end any agent or subcontract that engages in it.',
    es: 'Procedimientos para evitar que agentes y subcontratistas de cualquier nivel incurran en conductas de trata de personas, y para supervisar, detectar y terminar cualquier agente o subcontrato que incurra en ellas.',
  },
  {
    key: 'posted', paragraph: '(h)(4)', field: { path: 'compliance.compliancePlan.posted' },
    en: "Posting: the plan's relevant contents posted at the workplace and on your website before work starts (or given to each worker in writing where posting is impracticable).",
    es: 'Publicación: el contenido pertinente del plan publicado en el lugar de trabajo y en su sitio web antes de que empiece el trabajo (o entregado por escrito a cada trabajador cuando no sea posible publicarlo).',
  },
  {
    key: 'annual-certification', paragraph: '(h)(5)', field: { path: 'compliance.compliancePlan.annualCertification' },
    en: 'Certification every year after award: the plan is carried out and, after due diligence, no trafficking-related conduct is found, or the abuses found were remedied and referred.',
    es: 'Certificación cada año después de la adjudicación: el plan se cumple y, después de la debida diligencia, no se encontraron conductas de trata de personas, o los abusos encontrados se corrigieron y se remitieron.',
  },
  {
    key: 'subcontractor-certifications', paragraph: '(i)(2)', field: { path: 'compliance.compliancePlan.subcontractorCertifications' },
    en: "Subcontractors' certifications obtained before their subcontracts are awarded, and every year after, where part of the work outside the US is above the plan threshold.",
    es: 'Certificaciones de los subcontratistas obtenidas antes de adjudicarles sus subcontratos, y cada año después, cuando la parte del trabajo fuera de EE. UU. supera el umbral del plan.',
  },
];
