//! The codes of the bundled profiles' SHACL shapes (Bioschemas, DCAT-AP, CodeMeta): metadata
//! only, the checks are the shapes files in `shapes/`, each result naming its code with
//! `fair:code`. `I200` (the record has no resource of the profile's target type) and `X000` (a
//! result of a user shape without a code) are reported by the SHACL profile pass itself
//! (`profiles::shacl`). The native RO-Crate profile reports the same missing-property and
//! value-form codes (`F110`, `R110`, `I202`, …) for RO-Crate's own requirements.

crate::registry::rules! {
    MISSING_DISTRIBUTION = "A110" {
        slug: "missing-distribution",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:distribution (distribution), which its Bioschemas profile asks for",
        fix: "Add schema:distribution (distribution)",
        summary: "The record gives schema:distribution (distribution), a recommended property of the Bioschemas profiles that list it. DCAT-AP: dcat:distribution of a Dataset.",
    }
    MISSING_ACCESS_URL = "A111" {
        slug: "missing-access-url",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The distribution has no dcat:accessURL (access URL), which DCAT-AP requires",
        fix: "Add dcat:accessURL: the URL of a landing page, feed or service that gives access to the distribution",
        summary: "A dcat:Distribution gives dcat:accessURL, mandatory in DCAT-AP.",
    }
    MISSING_ENDPOINT_URL = "A112" {
        slug: "missing-endpoint-url",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The data service has no dcat:endpointURL (endpoint URL), which DCAT-AP requires",
        fix: "Add dcat:endpointURL: the root location or primary endpoint of the service",
        summary: "A dcat:DataService gives dcat:endpointURL, mandatory in DCAT-AP.",
    }
    MISSING_CONTACT_POINT = "A113" {
        slug: "missing-contact-point",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The resource has no dcat:contactPoint (contact point), which its DCAT-AP class recommends",
        fix: "Add dcat:contactPoint with a vcard:Kind (name and email or URL) to ask about the resource",
        summary: "A DCAT-AP Dataset, Dataset Series or Data Service gives dcat:contactPoint (recommended).",
    }
    MISSING_AVAILABILITY = "A114" {
        slug: "missing-availability",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The distribution has no dcatap:availability, which DCAT-AP recommends",
        fix: "Add dcatap:availability with a Planned Availability IRI (e.g. http://data.europa.eu/r5r/availability/stable)",
        summary: "A DCAT-AP Distribution says how long it is planned to stay available (dcatap:availability, recommended).",
    }
    MISSING_ENDPOINT_DESCRIPTION = "A115" {
        slug: "missing-endpoint-description",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The data service has no dcat:endpointDescription, which DCAT-AP recommends",
        fix: "Add dcat:endpointDescription: a link to the service's description (OpenAPI document, WSDL, ...)",
        summary: "A DCAT-AP Data Service links its endpoint description (recommended).",
    }
    MISSING_CODE_REPOSITORY = "A116" {
        slug: "missing-code-repository",
        principle: A1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The software record has no schema:codeRepository, which the CodeMeta profile recommends",
        fix: "Add codeRepository: the URL of the source code repository (e.g. https://github.com/org/tool)",
        summary: "Research software metadata links its source code repository (schema:codeRepository, recommended in the CodeMeta profile).",
    }
    MISSING_NAME = "F110" {
        slug: "missing-name",
        principle: F2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:name (name), which its Bioschemas profile asks for",
        fix: "Add schema:name (name)",
        summary: "The record gives schema:name (name), a minimum property of the Bioschemas profiles that list it. DCAT-AP: dct:title (foaf:name of an Agent); CodeMeta and RO-Crate: name.",
    }
    MISSING_DESCRIPTION = "F111" {
        slug: "missing-description",
        principle: F2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:description (description), which its Bioschemas profile asks for",
        fix: "Add schema:description (description)",
        summary: "The record gives schema:description (description), a minimum / recommended property of the Bioschemas profiles that list it. DCAT-AP: dct:description; CodeMeta and RO-Crate: description.",
    }
    MISSING_IDENTIFIER = "F112" {
        slug: "missing-identifier",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:identifier (identifier), which its Bioschemas profile asks for",
        fix: "Add schema:identifier (identifier)",
        summary: "The record gives schema:identifier (identifier), a minimum / recommended property of the Bioschemas profiles that list it. CodeMeta: identifier.",
    }
    MISSING_KEYWORDS = "F113" {
        slug: "missing-keywords",
        principle: F2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:keywords (keywords), which its Bioschemas profile asks for",
        fix: "Add schema:keywords (keywords)",
        summary: "The record gives schema:keywords (keywords), a minimum / recommended property of the Bioschemas profiles that list it. DCAT-AP: dcat:keyword; CodeMeta: keywords.",
    }
    MISSING_URL = "F114" {
        slug: "missing-url",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:url (url), which its Bioschemas profile asks for",
        fix: "Add schema:url (url)",
        summary: "The record gives schema:url (url), a minimum / recommended property of the Bioschemas profiles that list it. DCAT-AP: foaf:homepage of a Catalogue.",
    }
    MISSING_ALTERNATE_NAME = "F115" {
        slug: "missing-alternate-name",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:alternateName (alternate name), which its Bioschemas profile asks for",
        fix: "Add schema:alternateName (alternate name)",
        summary: "The record gives schema:alternateName (alternate name), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_SAME_AS = "F116" {
        slug: "missing-same-as",
        principle: F1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:sameAs (sameAs link), which its Bioschemas profile asks for",
        fix: "Add schema:sameAs (sameAs link)",
        summary: "The record gives schema:sameAs (sameAs link), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_ABOUT = "F117" {
        slug: "missing-about",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:about (subject (about)), which its Bioschemas profile asks for",
        fix: "Add schema:about (subject (about))",
        summary: "The record gives schema:about (subject (about)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_ABSTRACT = "F118" {
        slug: "missing-abstract",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:abstract (abstract), which its Bioschemas profile asks for",
        fix: "Add schema:abstract (abstract)",
        summary: "The record gives schema:abstract (abstract), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_INCLUDED_IN_DATA_CATALOG = "F119" {
        slug: "missing-included-in-data-catalog",
        principle: F4,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:includedInDataCatalog (data catalogue), which its Bioschemas profile asks for",
        fix: "Add schema:includedInDataCatalog (data catalogue)",
        summary: "The record gives schema:includedInDataCatalog (data catalogue), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_APPLICATION_CATEGORY = "F120" {
        slug: "missing-application-category",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:applicationCategory (application category), which its Bioschemas profile asks for",
        fix: "Add schema:applicationCategory (application category)",
        summary: "The record gives schema:applicationCategory (application category), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_APPLICATION_SUB_CATEGORY = "F121" {
        slug: "missing-application-sub-category",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:applicationSubCategory (EDAM topic (applicationSubCategory)), which its Bioschemas profile asks for",
        fix: "Add schema:applicationSubCategory (EDAM topic (applicationSubCategory))",
        summary: "The record gives schema:applicationSubCategory (EDAM topic (applicationSubCategory)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_FEATURE_LIST = "F122" {
        slug: "missing-feature-list",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:featureList (EDAM operation (featureList)), which its Bioschemas profile asks for",
        fix: "Add schema:featureList (EDAM operation (featureList))",
        summary: "The record gives schema:featureList (EDAM operation (featureList)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_DATASET = "F123" {
        slug: "missing-dataset",
        principle: F4,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:dataset (datasets of the catalogue), which its Bioschemas profile asks for",
        fix: "Add schema:dataset (datasets of the catalogue)",
        summary: "The record gives schema:dataset (datasets of the catalogue), a recommended property of the Bioschemas profiles that list it. DCAT-AP: dcat:dataset of a Catalogue.",
    }
    MISSING_MENTIONS = "F124" {
        slug: "missing-mentions",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:mentions (mentioned entities), which its Bioschemas profile asks for",
        fix: "Add schema:mentions (mentioned entities)",
        summary: "The record gives schema:mentions (mentioned entities), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_THEME = "F125" {
        slug: "missing-theme",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The resource has no dcat:theme, which DCAT-AP recommends",
        fix: "Add dcat:theme with a Data Theme IRI (http://publications.europa.eu/resource/authority/data-theme/...)",
        summary: "A DCAT-AP Dataset or Data Service is classified by dcat:theme (recommended).",
    }
    MISSING_SPATIAL = "F126" {
        slug: "missing-spatial",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The resource has no dct:spatial (geographical coverage), which DCAT-AP recommends",
        fix: "Add dct:spatial with a gazetteer or authority-table IRI (e.g. a Country IRI) or a dct:Location",
        summary: "A DCAT-AP Catalogue or Dataset states its geographical coverage (dct:spatial, recommended).",
    }
    MISSING_TEMPORAL = "F127" {
        slug: "missing-temporal",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The dataset has no dct:temporal (temporal coverage), which DCAT-AP recommends",
        fix: "Add dct:temporal with a dct:PeriodOfTime giving dcat:startDate and/or dcat:endDate",
        summary: "A DCAT-AP Dataset states the period it covers (dct:temporal, recommended).",
    }
    MISSING_THEME_TAXONOMY = "F128" {
        slug: "missing-theme-taxonomy",
        principle: F2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The catalogue has no dcat:themeTaxonomy, which DCAT-AP recommends",
        fix: "Add dcat:themeTaxonomy naming the concept scheme of the themes (e.g. http://publications.europa.eu/resource/authority/data-theme)",
        summary: "A DCAT-AP Catalogue names the taxonomy its themes come from (recommended).",
    }
    PROFILE_TARGET_TYPE_MISSING = "I200" {
        slug: "profile-target-type-missing",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "No resource of the record has a type profile {profile} checks ({types}), so nothing meets the profile",
        fix: "Type the main resource with one of {types}, or check the record against the profile that fits its type",
        summary: "A record checked against a Bioschemas profile (chosen explicitly or by dct:conformsTo) has a resource of a type the profile targets. Also the DCAT-AP and CodeMeta profiles.",
    }
    TOO_MANY_VALUES = "I201" {
        slug: "too-many-values",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "Property the property takes one value in the Bioschemas profile, the record gives several",
        fix: "Keep a single value of the property",
        summary: "A property the Bioschemas profile gives cardinality ONE has at most one value (sh:maxCount 1). Also DCAT-AP (cardinality 0..1 / 1..1) and CodeMeta.",
    }
    VALUE_NOT_TEXT = "I202" {
        slug: "value-not-text",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be text",
        fix: "Give the property as a string",
        summary: "A property the Bioschemas profile expects as Text holds a string (xsd:string or a language-tagged string). Also DCAT-AP, CodeMeta and the RO-Crate root data entity (name, description).",
    }
    VALUE_NOT_URL = "I203" {
        slug: "value-not-url",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be a URL",
        fix: "Give the property as an http(s) URL (an IRI, or a string starting with https://)",
        summary: "A property the Bioschemas profile expects as URL holds an IRI or an http(s) URL string. Also DCAT-AP (access and endpoint URLs) and CodeMeta (repository, issue tracker, ...).",
    }
    VALUE_NOT_DATE = "I204" {
        slug: "value-not-date",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be a date",
        fix: "Give the property as an ISO 8601 date (2024-05-31) or date-time (2024-05-31T12:00:00Z)",
        summary: "A date property holds an xsd:date / xsd:dateTime or an ISO 8601 date string. Also DCAT-AP, CodeMeta and RO-Crate (datePublished in ISO 8601, MUST).",
    }
    VALUE_WRONG_TYPE = "I205" {
        slug: "value-wrong-type",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property is not of a type the Bioschemas profile expects",
        fix: "Give the property one of the expected types listed in the profile (a typed node such as schema:Person, an IRI reference, or text / URL where allowed)",
        summary: "A property holds one of the expected types of the Bioschemas profile (schema.org classes, IRI references, literals). Also DCAT-AP ranges, CodeMeta and the RO-Crate publisher (Organization or Person).",
    }
    VALUE_NOT_EDAM_TOPIC = "I206" {
        slug: "value-not-edam-topic",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be an EDAM topic",
        fix: "Use an EDAM topic IRI such as http://edamontology.org/topic_0091 (or a schema:DefinedTerm whose url is one)",
        summary: "schema:applicationSubCategory is an EDAM topic (http://edamontology.org/topic_NNNN), as the ComputationalTool profile asks.",
    }
    VALUE_NOT_EDAM_OPERATION = "I207" {
        slug: "value-not-edam-operation",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be an EDAM operation",
        fix: "Use an EDAM operation IRI such as http://edamontology.org/operation_0292 (or a schema:DefinedTerm whose url is one)",
        summary: "schema:featureList is an EDAM operation (http://edamontology.org/operation_NNNN), as the ComputationalTool profile asks.",
    }
    VALUE_NOT_BOOLEAN = "I208" {
        slug: "value-not-boolean",
        principle: I1,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be a boolean",
        fix: "Give the property as true or false",
        summary: "A property the Bioschemas profile expects as Boolean holds xsd:boolean.",
    }
    VALUE_NOT_DURATION = "I209" {
        slug: "value-not-duration",
        principle: I1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be an ISO 8601 duration",
        fix: "Give the property as an ISO 8601 duration such as PT1H30M",
        summary: "schema:timeRequired is an ISO 8601 duration (xsd:duration, a string such as PT1H30M, or a schema:Duration). Also DCAT-AP dcat:temporalResolution (xsd:duration).",
    }
    VALUE_NOT_NUMBER = "I210" {
        slug: "value-not-number",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The value of the property should be a non-negative number",
        fix: "Give the property as a number (xsd:nonNegativeInteger or xsd:decimal)",
        summary: "A property the profile expects as a number (dcat:byteSize, dcat:spatialResolutionInMeters) holds a non-negative numeric literal.",
    }
    VALUE_NOT_IN_VOCABULARY = "I212" {
        slug: "value-not-in-vocabulary",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "A value is outside the controlled vocabulary or list of values its Bioschemas profile names",
        fix: "Give the property a term of the vocabulary (or one of the values) its Bioschemas profile names",
        summary: "A property whose Bioschemas profile restricts it to a controlled vocabulary (an EDAM branch such as EDAM formats) or to listed values (the status of a Gene) has a value outside it.",
    }
    MISSING_LICENSE = "R110" {
        slug: "missing-license",
        principle: R1_1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:license (licence), which its Bioschemas profile asks for",
        fix: "Add schema:license (licence)",
        summary: "The record gives schema:license (licence), a minimum / recommended property of the Bioschemas profiles that list it. DCAT-AP: dct:license; CodeMeta and RO-Crate: license.",
    }
    MISSING_CITATION = "R111" {
        slug: "missing-citation",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:citation (citation), which its Bioschemas profile asks for",
        fix: "Add schema:citation (citation)",
        summary: "The record gives schema:citation (citation), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_CREATOR = "R112" {
        slug: "missing-creator",
        principle: R1_2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:creator (creator), which its Bioschemas profile asks for",
        fix: "Add schema:creator (creator)",
        summary: "The record gives schema:creator (creator), a minimum / recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_AUTHOR = "R113" {
        slug: "missing-author",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:author (author), which its Bioschemas profile asks for",
        fix: "Add schema:author (author)",
        summary: "The record gives schema:author (author), a recommended property of the Bioschemas profiles that list it. CodeMeta: author (minimum); RO-Crate 1.1: author of the root data entity (SHOULD).",
    }
    MISSING_CONTRIBUTOR = "R114" {
        slug: "missing-contributor",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:contributor (contributor), which its Bioschemas profile asks for",
        fix: "Add schema:contributor (contributor)",
        summary: "The record gives schema:contributor (contributor), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_MAINTAINER = "R115" {
        slug: "missing-maintainer",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:maintainer (maintainer), which its Bioschemas profile asks for",
        fix: "Add schema:maintainer (maintainer)",
        summary: "The record gives schema:maintainer (maintainer), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_PRODUCER = "R116" {
        slug: "missing-producer",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:producer (producer), which its Bioschemas profile asks for",
        fix: "Add schema:producer (producer)",
        summary: "The record gives schema:producer (producer), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_PUBLISHER = "R117" {
        slug: "missing-publisher",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:publisher (publisher), which its Bioschemas profile asks for",
        fix: "Add schema:publisher (publisher)",
        summary: "The record gives schema:publisher (publisher), a recommended property of the Bioschemas profiles that list it. DCAT-AP: dct:publisher; RO-Crate 1.2: publisher of the root data entity (SHOULD).",
    }
    MISSING_SD_PUBLISHER = "R118" {
        slug: "missing-sd-publisher",
        principle: R1_2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:sdPublisher (publisher of the markup (sdPublisher)), which its Bioschemas profile asks for",
        fix: "Add schema:sdPublisher (publisher of the markup (sdPublisher))",
        summary: "The record gives schema:sdPublisher (publisher of the markup (sdPublisher)), a minimum property of the Bioschemas profiles that list it.",
    }
    MISSING_PROVIDER = "R119" {
        slug: "missing-provider",
        principle: R1_2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:provider (provider), which its Bioschemas profile asks for",
        fix: "Add schema:provider (provider)",
        summary: "The record gives schema:provider (provider), a minimum property of the Bioschemas profiles that list it.",
    }
    MISSING_SOURCE_ORGANIZATION = "R120" {
        slug: "missing-source-organization",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:sourceOrganization (source organisation), which its Bioschemas profile asks for",
        fix: "Add schema:sourceOrganization (source organisation)",
        summary: "The record gives schema:sourceOrganization (source organisation), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_FUNDING = "R121" {
        slug: "missing-funding",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:funding (funding), which its Bioschemas profile asks for",
        fix: "Add schema:funding (funding)",
        summary: "The record gives schema:funding (funding), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_VERSION = "R122" {
        slug: "missing-version",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:version (version), which its Bioschemas profile asks for",
        fix: "Add schema:version (version)",
        summary: "The record gives schema:version (version), a minimum / recommended property of the Bioschemas profiles that list it. CodeMeta: version or softwareVersion.",
    }
    MISSING_SOFTWARE_VERSION = "R123" {
        slug: "missing-software-version",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:softwareVersion (software version), which its Bioschemas profile asks for",
        fix: "Add schema:softwareVersion (software version)",
        summary: "The record gives schema:softwareVersion (software version), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_DATE_PUBLISHED = "R124" {
        slug: "missing-date-published",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:datePublished (publication date), which its Bioschemas profile asks for",
        fix: "Add schema:datePublished (publication date)",
        summary: "The record gives schema:datePublished (publication date), a recommended property of the Bioschemas profiles that list it. DCAT-AP: dct:issued; CodeMeta: datePublished; RO-Crate: datePublished of the root data entity (MUST).",
    }
    MISSING_DATE_CREATED = "R125" {
        slug: "missing-date-created",
        principle: R1_2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:dateCreated (creation date), which its Bioschemas profile asks for",
        fix: "Add schema:dateCreated (creation date)",
        summary: "The record gives schema:dateCreated (creation date), a minimum / recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_IS_BASED_ON = "R126" {
        slug: "missing-is-based-on",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:isBasedOn (source (isBasedOn)), which its Bioschemas profile asks for",
        fix: "Add schema:isBasedOn (source (isBasedOn))",
        summary: "The record gives schema:isBasedOn (source (isBasedOn)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_MEASUREMENT_TECHNIQUE = "R127" {
        slug: "missing-measurement-technique",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:measurementTechnique (measurement technique), which its Bioschemas profile asks for",
        fix: "Add schema:measurementTechnique (measurement technique)",
        summary: "The record gives schema:measurementTechnique (measurement technique), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_VARIABLE_MEASURED = "R128" {
        slug: "missing-variable-measured",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:variableMeasured (measured variable), which its Bioschemas profile asks for",
        fix: "Add schema:variableMeasured (measured variable)",
        summary: "The record gives schema:variableMeasured (measured variable), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_INPUT = "R129" {
        slug: "missing-input",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:input (inputs), which its Bioschemas profile asks for",
        fix: "Add schema:input (inputs)",
        summary: "The record gives schema:input (inputs), a minimum property of the Bioschemas profiles that list it.",
    }
    MISSING_OUTPUT = "R130" {
        slug: "missing-output",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:output (outputs), which its Bioschemas profile asks for",
        fix: "Add schema:output (outputs)",
        summary: "The record gives schema:output (outputs), a minimum property of the Bioschemas profiles that list it.",
    }
    MISSING_PROGRAMMING_LANGUAGE = "R131" {
        slug: "missing-programming-language",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:programmingLanguage (programming language), which its Bioschemas profile asks for",
        fix: "Add schema:programmingLanguage (programming language)",
        summary: "The record gives schema:programmingLanguage (programming language), a minimum property of the Bioschemas profiles that list it. CodeMeta: programmingLanguage.",
    }
    MISSING_CREATIVE_WORK_STATUS = "R132" {
        slug: "missing-creative-work-status",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:creativeWorkStatus (status (creativeWorkStatus)), which its Bioschemas profile asks for",
        fix: "Add schema:creativeWorkStatus (status (creativeWorkStatus))",
        summary: "The record gives schema:creativeWorkStatus (status (creativeWorkStatus)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_DOCUMENTATION = "R133" {
        slug: "missing-documentation",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:documentation (documentation), which its Bioschemas profile asks for",
        fix: "Add schema:documentation (documentation)",
        summary: "The record gives schema:documentation (documentation), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_HAS_PART = "R134" {
        slug: "missing-has-part",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:hasPart (parts (hasPart)), which its Bioschemas profile asks for",
        fix: "Add schema:hasPart (parts (hasPart))",
        summary: "The record gives schema:hasPart (parts (hasPart)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_RUNTIME_PLATFORM = "R135" {
        slug: "missing-runtime-platform",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:runtimePlatform (runtime platform), which its Bioschemas profile asks for",
        fix: "Add schema:runtimePlatform (runtime platform)",
        summary: "The record gives schema:runtimePlatform (runtime platform), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_SOFTWARE_REQUIREMENTS = "R136" {
        slug: "missing-software-requirements",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:softwareRequirements (software requirements), which its Bioschemas profile asks for",
        fix: "Add schema:softwareRequirements (software requirements)",
        summary: "The record gives schema:softwareRequirements (software requirements), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_TARGET_PRODUCT = "R137" {
        slug: "missing-target-product",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:targetProduct (target product), which its Bioschemas profile asks for",
        fix: "Add schema:targetProduct (target product)",
        summary: "The record gives schema:targetProduct (target product), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_AUDIENCE = "R138" {
        slug: "missing-audience",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:audience (audience), which its Bioschemas profile asks for",
        fix: "Add schema:audience (audience)",
        summary: "The record gives schema:audience (audience), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_COMPETENCY_REQUIRED = "R139" {
        slug: "missing-competency-required",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:competencyRequired (required competencies), which its Bioschemas profile asks for",
        fix: "Add schema:competencyRequired (required competencies)",
        summary: "The record gives schema:competencyRequired (required competencies), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_EDUCATIONAL_LEVEL = "R140" {
        slug: "missing-educational-level",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:educationalLevel (educational level), which its Bioschemas profile asks for",
        fix: "Add schema:educationalLevel (educational level)",
        summary: "The record gives schema:educationalLevel (educational level), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_IN_LANGUAGE = "R141" {
        slug: "missing-in-language",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:inLanguage (language), which its Bioschemas profile asks for",
        fix: "Add schema:inLanguage (language)",
        summary: "The record gives schema:inLanguage (language), a recommended property of the Bioschemas profiles that list it. DCAT-AP: dct:language of a Catalogue.",
    }
    MISSING_LEARNING_RESOURCE_TYPE = "R142" {
        slug: "missing-learning-resource-type",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:learningResourceType (learning resource type), which its Bioschemas profile asks for",
        fix: "Add schema:learningResourceType (learning resource type)",
        summary: "The record gives schema:learningResourceType (learning resource type), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_TEACHES = "R143" {
        slug: "missing-teaches",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:teaches (learning outcomes (teaches)), which its Bioschemas profile asks for",
        fix: "Add schema:teaches (learning outcomes (teaches))",
        summary: "The record gives schema:teaches (learning outcomes (teaches)), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_TIME_REQUIRED = "R144" {
        slug: "missing-time-required",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:timeRequired (time required), which its Bioschemas profile asks for",
        fix: "Add schema:timeRequired (time required)",
        summary: "The record gives schema:timeRequired (time required), a recommended property of the Bioschemas profiles that list it.",
    }
    MISSING_DATE_MODIFIED = "R145" {
        slug: "missing-date-modified",
        principle: R1_2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The resource has no dct:modified (modification date), which DCAT-AP recommends",
        fix: "Add dct:modified with the date of the latest change (xsd:date or xsd:dateTime)",
        summary: "A DCAT-AP Catalogue states when it was last modified (dct:modified, recommended).",
    }
    MISSING_FORMAT = "R146" {
        slug: "missing-format",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The distribution has no dct:format, which DCAT-AP recommends",
        fix: "Add dct:format with a File Type IRI (http://publications.europa.eu/resource/authority/file-type/CSV, ...)",
        summary: "A DCAT-AP Distribution states its file format (dct:format, recommended).",
    }
    MISSING_STANDARD = "R147" {
        slug: "missing-standard",
        principle: R1_3,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The data service has no dct:conformsTo naming the standard it implements, which DCAT-AP recommends",
        fix: "Add dct:conformsTo with the IRI of the standard or API specification the service follows",
        summary: "A DCAT-AP Data Service names the standard it conforms to (recommended).",
    }
    MISSING_AGENT_TYPE = "R148" {
        slug: "missing-agent-type",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The agent has no dct:type, which DCAT-AP recommends",
        fix: "Add dct:type with a publisher type IRI (http://purl.org/adms/publishertype/...)",
        summary: "A DCAT-AP Agent states its type from the ADMS publisher-type vocabulary (recommended).",
    }
    MISSING_MINIMUM_PROPERTY = "R149" {
        slug: "missing-minimum-property",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record lacks a minimum property of its Bioschemas profile",
        fix: "Add the property the finding names (its path) to the record",
        summary: "The record gives every minimum property of its Bioschemas profile; this code stands for the minimum properties without a code of their own (such as courseMode and location of a CourseInstance).",
    }
    MISSING_RECOMMENDED_PROPERTY = "R154" {
        slug: "missing-recommended-property",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record lacks a recommended property of its Bioschemas profile",
        fix: "Add the property the finding names (its path) to the record",
        summary: "The record gives the recommended properties of its Bioschemas profile; this code stands for the recommended properties without a code of their own (such as encodesBioChemEntity of a Gene or inChIKey of a MolecularEntity).",
    }
    MISSING_TAXONOMIC_RANGE = "R155" {
        slug: "missing-taxonomic-range",
        principle: R1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:taxonomicRange (the taxon it comes from), which its Bioschemas profile asks for",
        fix: "Add schema:taxonomicRange: the organism's taxon, e.g. an NCBI Taxonomy IRI (http://purl.obolibrary.org/obo/NCBITaxon_9606) or a Taxon node",
        summary: "A biological entity (a Bioschemas Protein) names the taxon it comes from (schema:taxonomicRange, recommended).",
    }
    MISSING_TAXON_RANK = "R156" {
        slug: "missing-taxon-rank",
        principle: R1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The record has no schema:taxonRank (taxonomic rank), which its Bioschemas profile asks for",
        fix: "Add schema:taxonRank, preferably as a term IRI of a rank vocabulary (TDWG TaxonRank, Wikidata)",
        summary: "A Bioschemas Taxon (minimum) or TaxonName (recommended) states its taxonomic rank.",
    }
    SHAPE_CONSTRAINT = "X000" {
        slug: "shape-constraint",
        principle: R1_3,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "{message}",
        fix: "Change the record so that it satisfies {component} of shape {shape}",
        summary: "A result of a user-supplied SHACL shape that names no fairlint code (fair:code).",
    }
}
