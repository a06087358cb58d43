// The reports' HTML and XLSX renderings (issue 5 item 6) on the hand-computed dataset of
// review_support.hpp: user text escaped, the light as colour and word, a trend chart, and a
// workbook whose cells hold the figures as numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cli/cli_support.hpp"
#include "cli/review_support.hpp"
#include "report_output/report_html.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A comment that would run script if it reached the page unescaped.
const std::string kHostileComment = "<script>alert('x&y')</script>";
const std::string kEscapedComment = "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;";

class ReportRender : public ReviewCli {
 protected:
  void SetUp() override {
    ReviewCli::SetUp();
    if (HasFatalFailure()) return;
    const auto imported = run(
        {"review", "import", "--round", kRound, write("known.csv", known_file(kHostileComment))});
    ASSERT_EQ(imported.status, 0) << imported.err;
  }

  // One member of the workbook, via unzip (which the test environment has; see scripts/setup).
  std::string member(const std::string& file, const std::string& name) {
    const std::string out = (sandbox_.dir() / "member.xml").string();
    const std::string command = "unzip -p '" + file + "' '" + name + "' > '" + out + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return read_text(out);
  }
};

TEST(HtmlEscape, EscapesEveryCharacterThatCanBreakOutOfTextOrAttributes) {
  EXPECT_EQ(report_output::html_escape("a&b<c>d\"e'f æøå"), "a&amp;b&lt;c&gt;d&quot;e&#39;f æøå");
}

TEST_F(ReportRender, CenterHtmlEscapesCommentsAndShowsLightAsWordAndColour) {
  const std::string file = (sandbox_.dir() / "center.html").string();
  const auto result = run({"report", "center", "--center", "jc-noerrebro-bispebjerg", "--period",
                           "2027-K1", "--format", "html", "--out", file});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "Rapporten er skrevet til " + file + ".\n");
  const std::string html = read_text(file);
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"da\">\n"));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("@media print {"));
  // Self-contained: no stylesheet, script or image fetched from elsewhere.
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  // The case's first flagged answer is SD-N01 (concept order: nøglekontroller first).
  EXPECT_THAT(html, HasSubstr("-xxxx</td><td>SD-N01</td><td>fejl</td><td>" + kEscapedComment +
                              "</td></tr>\n<tr><td>SD-N02</td>"));
  // nøglekontrol 56/80 = 70 % rød, kvalitetsmål 79 % gul, formalia all ikke relevant, samlet 74.
  EXPECT_THAT(html, HasSubstr("<tr><th>nøglekontrol</th><td class=\"num\">70 %</td>"
                              "<td class=\"lys lys-roed\">rød</td><td class=\"num\">80</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><th>kvalitetsmål</th><td class=\"num\">79 %</td>"
                              "<td class=\"lys lys-gul\">gul</td><td class=\"num\">70</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><th>formalia</th><td class=\"num\">ingen data</td>"
                              "<td class=\"lys lys-ingen\">—</td><td class=\"num\">0</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><th>samlet</th><td class=\"num\">74 %</td>"
                              "<td class=\"lys lys-roed\">rød</td><td class=\"num\">150</td>"));
  // The trend (fejlstatistik, this center): one period with data, 39 fejl of 150 = 26 %.
  EXPECT_THAT(html, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_THAT(html, HasSubstr("<title>2027-K1: 39 fejl af 150</title>"));
  EXPECT_THAT(html, HasSubstr(">10 %</text>"));  // 26 % → a 30 % axis, grid every 10 %
  // Sager med fejl with the masked CPR only, and the protocol of the draw.
  EXPECT_THAT(html, HasSubstr("-xxxx</td>"));
  EXPECT_THAT(html, HasSubstr("<h3>Stikprøveprotokol</h3>"));
  EXPECT_THAT(html, HasSubstr("<tr><th>Frø (seed)</th><td>20270402</td></tr>"));
}

TEST_F(ReportRender, OverviewHtmlMatrixHasPercentAndWordOnTheLightColour) {
  const auto result = run({"report", "overview", "--period", "2027-K1", "--format", "html"});
  ASSERT_EQ(result.status, 0) << result.err;
  // jc-amager 189/200 = 94.5 → 95 grøn, too small to tell; forvaltningen 449/550 → 82 gul.
  EXPECT_THAT(result.out,
              HasSubstr("<tr><th>Jobcenter Amager</th><td class=\"lys lys-groen\">95 %*<br>grøn"
                        "</td>"));
  EXPECT_THAT(result.out, HasSubstr("<tr><th>Forvaltningen</th><td class=\"lys lys-gul\">82 %<br>"
                                    "gul</td>"));
  EXPECT_THAT(result.out, HasSubstr("<svg "));
}

TEST_F(ReportRender, XlsxNeedsAnOutputFile) {
  const auto result = run({"report", "overview", "--period", "2027-K1", "--format", "xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("xlsx er et binært regneark og skrives kun til en fil: angiv "
                                    "--out FIL.xlsx"));
  EXPECT_EQ(result.out, "");
}

TEST_F(ReportRender, OverviewXlsxHoldsTheFiguresAsNumbers) {
  const std::string file = (sandbox_.dir() / "overview.xlsx").string();
  const auto result =
      run({"report", "overview", "--period", "2027-K1", "--format", "xlsx", "--out", file});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "Rapporten er skrevet til " + file + ".\n");
  EXPECT_THAT(read_text(file), StartsWith("PK"));
  const std::string workbook = member(file, "xl/workbook.xml");
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"Overblik\""));
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"Centre i alt\""));
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"Forvaltningen\""));
  const std::string strings = member(file, "xl/sharedStrings.xml");
  EXPECT_THAT(strings, HasSubstr("<t>grøn</t>"));
  EXPECT_THAT(strings, HasSubstr("<t>jc-amager</t>"));
  // Row 2 is jc-amager: sager 10 (D), venter 0 (E), 95 % as 0.95 (F), korrekte 189 (H),
  // tællende 200 (I).
  const std::string sheet = member(file, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet, HasSubstr("<c r=\"D2\"><v>10</v></c><c r=\"E2\"><v>0</v></c>"));
  // F2: 0.95 in the green percent format; G2 the word in the green word format (the style
  // numbers are libxlsxwriter's, in order of first use).
  EXPECT_THAT(sheet, HasSubstr("<c r=\"F2\" s=\"2\"><v>0.95</v></c><c r=\"G2\" s=\"3\" t=\"s\">"));
  const std::string styles = member(file, "xl/styles.xml");
  EXPECT_THAT(styles, HasSubstr("<fgColor rgb=\"FFB7E1A1\"/>"));  // green fill
  EXPECT_THAT(styles, HasSubstr("formatCode=\"0%\""));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"H2\"><v>189</v></c><c r=\"I2\"><v>200</v></c>"));
}

TEST_F(ReportRender, CenterXlsxListsTheCommentsAsText) {
  const std::string file = (sandbox_.dir() / "center.xlsx").string();
  const auto result = run({"report", "center", "--center", "jc-amager", "--period", "2027-K1",
                           "--format", "xlsx", "--out", file});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string workbook = member(file, "xl/workbook.xml");
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"sygedagpenge\""));
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"Sager med fejl\""));
  EXPECT_THAT(workbook, HasSubstr("<sheet name=\"Stikprøve\""));
  // The comment is cell text: XML-escaped by libxlsxwriter, never markup.
  EXPECT_THAT(member(file, "xl/sharedStrings.xml"),
              HasSubstr("<t>&lt;script&gt;alert('x&amp;y')&lt;/script&gt;</t>"));
}

TEST_F(ReportRender, ErrorStatisticsHtmlAndXlsx) {
  const auto html = run({"report", "fejlstatistik", "--period", "2027-K1", "--format", "html"});
  ASSERT_EQ(html.status, 0) << html.err;
  // SD-K01: 7 of 30 = 23 %, ranked first.
  EXPECT_THAT(html.out,
              HasSubstr("<tr><td class=\"num\">1</td><td>SD-K01</td><td>kvalitetsmål"
                        "</td><td class=\"num\">23 %</td><td class=\"num\">7 af 30</td>"));
  EXPECT_THAT(html.out, HasSubstr("<svg "));
  const std::string file = (sandbox_.dir() / "stats.xlsx").string();
  const auto xlsx =
      run({"report", "fejlstatistik", "--period", "2027-K1", "--format", "xlsx", "--out", file});
  ASSERT_EQ(xlsx.status, 0) << xlsx.err;
  EXPECT_THAT(member(file, "xl/worksheets/sheet1.xml"),
              HasSubstr("<c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>"));
}

}  // namespace
}  // namespace sagsaudit::testing
