"""Namespaces of the plankg vocabulary and of the standard vocabularies it reuses.

`PK` names every term defined in ``ontology/plankg.ttl``; with ``_fail = True`` a typo such as
``PK.Progam`` raises instead of minting a new IRI. A test checks that this class and the Turtle
file name exactly the same terms.

>>> str(PK.Program)
'https://w3id.org/plankg/ontology#Program'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

from plankg.ontology import GRAPH_IRI, ID_IRI, PK_IRI

__all__ = ["GRAPH_IRI", "ID_IRI", "ONTOLOGY_GRAPH", "PK", "PK_IRI"]

ONTOLOGY_GRAPH = URIRef(GRAPH_IRI + "ontology")

QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")


class PK(DefinedNamespace):
    """The plankg ontology, ``https://w3id.org/plankg/ontology#``."""

    _NS = Namespace(PK_IRI)
    _fail = True

    # --- classes -------------------------------------------------------------------------
    Plan: URIRef  # a plan or other policy document (规划, 实施意见, 纲要, 行动计划 …)
    Section: URIRef  # a numbered or lead-in part of a plan's text
    Goal: URIRef  # an item under 主要目标 / 发展目标
    Indicator: URIRef  # a measured indicator (指标) of a plan
    Task: URIRef  # a task section (主要任务, 重点工程, 重要任务 …)
    Program: URIRef  # a named scheme: 计划 / 工程 / 行动 / 项目
    Platform: URIRef  # a lab, institute, zone, park, town, incubator, workstation …
    Industry: URIRef  # an industry or field, a skos:Concept
    Department: URIRef  # a party or government body, an org:Organization
    Region: URIRef  # an administrative region
    Evidence: URIRef  # a span of the source text: an oa:SpecificResource with selectors
    Target: URIRef  # a quantitative target stated in the prose (a qb:Observation)
    Table: URIRef  # an indicator table of a plan (a qb:DataSet)
    Statement: URIRef  # a relation with the evidence it came from (an rdf:Statement)
    AdministrativeLevel: URIRef  # national / provincial / city / district
    ObservationRole: URIRef  # baseline / target / actual / planned / growth

    # --- individuals -----------------------------------------------------------------------
    national: URIRef
    provincial: URIRef
    city: URIRef
    district: URIRef
    baseline: URIRef
    target: URIRef
    actual: URIRef
    planned: URIRef
    growth: URIRef

    # --- document structure and provenance -------------------------------------------------
    inPlan: URIRef  # any node → the plan (or plans) it comes from
    evidence: URIRef  # any node or statement → an Evidence span
    inSection: URIRef  # Evidence → the Section the span lies in
    numbering: URIRef  # Section → its printed numbering, e.g. "（一）"
    numberingInferred: URIRef  # Section → true when the text printed no numbering
    headingLevel: URIRef  # Section → depth in the tree, 1 for 一、
    order: URIRef  # Section → position among its siblings, from 1
    headingStyle: URIRef  # Section → the convention of its heading, e.g. "（一）", "——", "表N："
    textStart: URIRef  # Section → offset where its text starts (heading included)
    textEnd: URIRef  # Section → offset where its text ends
    sha256: URIRef  # Plan → hex SHA-256 of the source file's bytes
    encoding: URIRef  # Plan → character encoding the file was decoded with
    sourceText: URIRef  # Plan → the text read from an HTML/Word/PDF file, that offsets index
    documentType: URIRef  # Plan → 规划, 实施意见, 纲要, 行动计划 …
    periodStart: URIRef  # Plan → first year of the plan period
    periodEnd: URIRef  # Plan → last year of the plan period
    noticeTitle: URIRef  # Plan → title of the 印发…的通知 the plan was issued with
    writtenDate: URIRef  # Plan → 成文日期
    hasGoal: URIRef  # Plan → Goal
    hasTask: URIRef  # Plan → Task
    hasIndicator: URIRef  # Plan → Indicator
    definedIn: URIRef  # Goal / Task / Program … → the Section that sets it out
    mentions: URIRef  # Section → any entity named in its text

    # --- relations between entities --------------------------------------------------------
    targetsIndustry: URIRef  # Program / Platform / Task / Section → Industry
    usesPlatform: URIRef  # Program → Platform it runs on or through
    partOfProgram: URIRef  # Program → enclosing Program
    programLevel: URIRef  # Program / Region → AdministrativeLevel
    platformKind: URIRef  # Platform → kind concept (实验室, 高新区, 孵化器 …)
    leadDepartment: URIRef  # Task / Program → Department 牵头
    supportDepartment: URIRef  # Task / Program → Department 配合
    locatedIn: URIRef  # Platform / Department → Region

    # --- indicators, observations and targets -----------------------------------------------
    indicator: URIRef  # Observation / Target → Indicator
    value: URIRef  # Observation / Target → xsd:decimal as printed
    printedValue: URIRef  # Observation → the cell exactly as printed, e.g. "7以上"
    year: URIRef  # Observation / Target → xsd:gYear
    role: URIRef  # Observation → ObservationRole
    unit: URIRef  # Indicator / Observation / Target → unit as printed (万人, %, 人年／万人)
    qualifier: URIRef  # Observation / Target → 以上, 左右, >, <, 累计, 力争 …
    category: URIRef  # Indicator → row-group label (一级指标)
    printedName: URIRef  # Indicator → name exactly as printed
    nature: URIRef  # Indicator → 预期性 / 约束性
    scope: URIRef  # Observation → the part of the region a value is for ("重点区" of "重点区≥30")
    tableNumber: URIRef  # Table → its number, "表2" → 2
    inTable: URIRef  # Indicator → Table
    measure: URIRef  # Target → what is counted, e.g. "引进省级以上人才"
    forProgram: URIRef  # Target → Program it belongs to

    # --- coverage (plankg build --report): counts on the plan node ----------------------------
    annotationsFound: URIRef  # Plan → responsibility annotations in the text
    annotationsAttached: URIRef  # Plan → of those, the ones that gave a lead/support relation
    tablesFound: URIRef  # Plan → tables read
    indicatorTables: URIRef  # Plan → tables read as indicator tables
    otherTables: URIRef  # Plan → tables of no indicators (project lists …)
    tableRowsRead: URIRef  # Plan → indicator-table rows read
    tableRowsUnreadable: URIRef  # Plan → indicator-table rows that could not be read
    numberedItems: URIRef  # Plan → sections numbered 1. / （1） / ① …
    sectionCount: URIRef  # Plan → all sections
