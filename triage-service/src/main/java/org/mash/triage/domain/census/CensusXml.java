package org.mash.triage.domain.census;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a census as the department's XML: UTF-8, root {@code Message} with no namespace, elements in the order of
 * the specification, dates {@code YYYY-MM-DD}, booleans {@code true}/{@code false}, optional elements without a value
 * left out (never empty). Only what a MASH owns and an import gave is written.
 */
public final class CensusXml {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final XMLStreamWriter xml;

    private CensusXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static void write(CinCensus census, OutputStream out) {
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            new CensusXml(writer).message(census);
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("the census could not be written", e));
        }
    }

    private void message(CinCensus census) throws XMLStreamException {
        xml.writeStartElement("Message");
        header(census.header());
        xml.writeStartElement("Children");
        for (CinCensus.Child c : census.children()) {
            child(c);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void header(CinCensus.Header h) throws XMLStreamException {
        xml.writeStartElement("Header");
        xml.writeStartElement("CollectionDetails");
        element("Collection", "CIN");
        element("Year", String.valueOf(h.year()));
        element("ReferenceDate", h.referenceDate());
        xml.writeEndElement();
        xml.writeStartElement("Source");
        element("SourceLevel", "L");
        element("LEA", h.lea());
        element("SoftwareCode", h.softwareCode());
        element("Release", h.release());
        element("SerialNo", h.serialNo());
        element("DateTime", h.dateTime().format(DATE_TIME));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void child(CinCensus.Child c) throws XMLStreamException {
        xml.writeStartElement("Child");
        xml.writeStartElement("ChildIdentifiers");
        element("LAchildID", c.laChildId());
        element("UPN", c.upn());
        element("FormerUPN", c.formerUpn());
        element("UPNunknown", c.upnUnknown());
        element("PersonBirthDate", c.birthDate());
        element("ExpectedPersonBirthDate", c.expectedBirthDate());
        element("Sex", c.sex());
        element("PersonDeathDate", c.deathDate());
        xml.writeEndElement();
        xml.writeStartElement("ChildCharacteristics");
        element("Ethnicity", c.ethnicity());
        if (!c.disabilities().isEmpty()) {
            xml.writeStartElement("Disabilities");
            for (String d : c.disabilities()) {
                element("Disability", d);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        for (CinCensus.Referral r : c.referrals()) {
            referral(r);
        }
        xml.writeEndElement();
    }

    private void referral(CinCensus.Referral r) throws XMLStreamException {
        xml.writeStartElement("CINdetails");
        element("CINreferralDate", r.referralDate());
        element("ReferralSource", r.referralSource());
        element("PrimaryNeedCode", r.primaryNeed());
        element("CINclosureDate", r.closureDate());
        element("ReasonForClosure", r.reasonForClosure());
        for (CinCensus.Assessment a : r.assessments()) {
            xml.writeStartElement("Assessments");
            element("AssessmentActualStartDate", a.startDate());
            element("AssessmentAuthorisationDate", a.authorisationDate());
            xml.writeEndElement();
        }
        section47s(r.section47s());
        element("ReferralNFA", r.referralNfa() == null ? null : r.referralNfa().toString());
        xml.writeEndElement();
    }

    private void section47s(List<CinCensus.Section47> all) throws XMLStreamException {
        for (CinCensus.Section47 s : all) {
            xml.writeStartElement("Section47");
            element("S47ActualStartDate", s.startDate());
            element("InitialCPCtarget", s.icpcTarget());
            element("DateOfInitialCPC", s.icpcDate());
            element("ICPCnotRequired", String.valueOf(s.icpcNotRequired()));
            xml.writeEndElement();
        }
    }

    private void element(String name, LocalDate value) throws XMLStreamException {
        element(name, value == null ? null : value.toString());
    }

    private void element(String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
