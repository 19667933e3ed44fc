package org.mash.triage.domain.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XML as the department reads it: returns.md's example (with an imported assessment), element for element. */
class CensusXmlTests {

    @Test
    void theExampleOfTheSpecification() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CensusXml.write(CensusFixture.census(CensusFixture.child().build()), out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertEquals("<?xml version='1.0' encoding='UTF-8'?><Message><Header>"
                + "<CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>"
                + "<Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>MASH</SoftwareCode><Release>1.0</Release><SerialNo>001</SerialNo><DateTime>2026-04-02T09:00:00</DateTime></Source>"
                + "</Header><Children><Child>"
                + "<ChildIdentifiers><LAchildID>MASH000123</LAchildID><UPN>M201123424001</UPN><PersonBirthDate>2016-05-14</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>"
                + "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>"
                + "<CINdetails><CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>"
                + "<Assessments><AssessmentActualStartDate>2025-10-07</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-11-20</AssessmentAuthorisationDate></Assessments>"
                + "<Section47><S47ActualStartDate>2025-10-07</S47ActualStartDate><InitialCPCtarget>2025-10-28</InitialCPCtarget><DateOfInitialCPC>2025-10-24</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>"
                + "<ReferralNFA>false</ReferralNFA></CINdetails>"
                + "</Child></Children></Message>", xml);
    }
}
