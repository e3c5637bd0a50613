package com.amba.payments.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertEquals("proj_1", ReportCsv.cell("proj_1"));
    }

    @Test
    void separatorsAndQuotesAreQuoted() {
        assertEquals("\"a,b\"", ReportCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ReportCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", ReportCsv.cell("two\nlines"));
    }

    @Test
    void aLeadingFormulaCharacterIsDefused() {
        assertEquals("'=SUM(A1)", ReportCsv.cell("=SUM(A1)"));
        assertEquals("'+1", ReportCsv.cell("+1"));
        assertEquals("\"'@x,y\"", ReportCsv.cell("@x,y"));
    }
}
