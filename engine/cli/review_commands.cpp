// sagsaudit review show | answer | submit | approve | return | import
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "compare/blind_access.hpp"
#include "scoring/review_editing.hpp"
#include "scoring/review_import.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::cli {
namespace {

std::string round_of(const po::variables_map& vm) {
  return vm["round"].as<std::string>();
}
std::string case_of(const po::variables_map& vm) {
  return vm["case"].as<std::string>();
}
int version_of(const po::variables_map& vm) {
  return vm["version"].as<int>();
}

boost::json::object answer_json(const ControlAnswer& a) {
  boost::json::object out{{"kontrol", a.control_id},
                          {"svar", answer_code(a.answer)},
                          {"svar_tekst", danish_label(a.answer)},
                          {"kommentar", a.comment}};
  out["beloeb"] = a.amount ? boost::json::value(a.amount->to_string()) : nullptr;
  out["periode_fra"] =
      a.affected_period ? boost::json::value(to_iso(a.affected_period->from)) : nullptr;
  out["periode_til"] =
      a.affected_period ? boost::json::value(to_iso(a.affected_period->to)) : nullptr;
  return out;
}

void print_state(CommandContext& ctx, const storage::CaseReview& review, const std::string& what) {
  ctx.out << "Sag " << review.case_number << " i runde " << review.round_id << ": " << what
          << " Tilstand '" << danish_label(review.state) << "', version " << review.version
          << ".\n";
}

int show(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  // Issue 7: a blind round keeps the municipality's answers from the revisor role.
  require_visible(*db, round_of(vm), ReviewSide::municipality, ctx.actor, utc_now_iso(),
                  "review show " + case_of(vm));
  const ReviewView view = load_review(*db, round_of(vm), case_of(vm));
  if (vm.count("json")) {
    boost::json::array answers;
    for (const auto& s : view.answers) {
      auto a = answer_json(s.answer);
      a["aendret"] = s.updated_at;
      a["aendret_af"] = s.updated_by;
      answers.push_back(std::move(a));
    }
    print_json(ctx.out, boost::json::object{{"runde", view.review.round_id},
                                            {"sag", view.review.case_number},
                                            {"center", view.review.center},
                                            {"koordinator", view.review.assignee},
                                            {"tilstand", state_code(view.review.state)},
                                            {"version", view.review.version},
                                            {"returbegrundelse", view.review.return_reason},
                                            {"koncept_version", view.concept_.version},
                                            {"svar", answers}});
    return exit_ok;
  }
  const auto& r = view.review;
  ctx.out << "Sag " << r.case_number << " i runde " << r.round_id << " (center " << r.center
          << ", koordinator " << r.assignee << ")\nTilstand '" << danish_label(r.state)
          << "', version " << r.version << ", frist " << to_danish(r.due_date) << "\n";
  if (!r.return_reason.empty()) ctx.out << "Sendt retur: " << r.return_reason << "\n";
  ctx.out << "\n";
  TextTable table({"Kontrol", "Kategori", "Svar", "Kommentar", "Beløb"});
  int answered = 0;
  for (const auto& control : view.concept_.controls) {
    const storage::StoredAnswer* found = nullptr;
    for (const auto& s : view.answers) {
      if (s.answer.control_id == control.id) found = &s;
    }
    if (found) ++answered;
    table.add_row({control.id, to_danish(control.category),
                   found ? danish_label(found->answer.answer) : "—",
                   found ? found->answer.comment : "",
                   found && found->answer.amount ? format_kroner(*found->answer.amount) : ""});
  }
  table.print(ctx.out);
  ctx.out << "\n"
          << answered << " af " << view.concept_.controls.size() << " kontroller besvaret.\n";
  return exit_ok;
}

// One answer is set (or, with --clear, removed); the other answers stay as they are.
int answer(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::string control = vm["control"].as<std::string>();
  const ReviewView view = load_review(*db, round_of(vm), case_of(vm));
  std::vector<ControlAnswer> answers;
  for (const auto& s : view.answers) {
    if (s.answer.control_id != control) answers.push_back(s.answer);
  }
  if (!vm.count("clear")) {
    if (!vm.count("answer")) throw ValidationError("--answer mangler (eller brug --clear)");
    const std::string text = vm["answer"].as<std::string>();
    std::vector<Issue> issues;
    ControlAnswer a;
    a.control_id = control;
    if (const auto parsed = parse_answer(text)) {
      a.answer = *parsed;
    } else {
      issues.push_back({"", 0, 0, "--answer",
                        "'" + text +
                            "' er ikke et svar (korrekt, fejl, ikke relevant eller kan "
                            "ikke vurderes)"});
    }
    if (vm.count("comment")) a.comment = vm["comment"].as<std::string>();
    if (vm.count("amount")) {
      a.amount = parse_kroner(vm["amount"].as<std::string>());
      if (!a.amount) issues.push_back({"", 0, 0, "--amount", "er ikke et beløb i kroner"});
    }
    if (vm.count("from") || vm.count("to")) {
      const auto from = vm.count("from") ? parse_date(vm["from"].as<std::string>()) : std::nullopt;
      const auto to = vm.count("to") ? parse_date(vm["to"].as<std::string>()) : std::nullopt;
      if (!from) issues.push_back({"", 0, 0, "--from", "mangler eller er ikke en dato"});
      if (!to) issues.push_back({"", 0, 0, "--to", "mangler eller er ikke en dato"});
      if (from && to) a.affected_period = AffectedPeriod{*from, *to};
    }
    if (!issues.empty()) throw ValidationError(std::move(issues));
    answers.push_back(std::move(a));
  }
  const SaveOutcome saved = save_review_draft(*db, round_of(vm), case_of(vm), answers,
                                              version_of(vm), ctx.actor, utc_now_iso());
  print_state(ctx, saved.review, saved.changed_answers == 0 ? "intet ændret." : "kladden er gemt.");
  return exit_ok;
}

int submit(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto review =
      submit_review(*db, round_of(vm), case_of(vm), version_of(vm), ctx.actor, utc_now_iso());
  print_state(ctx, review, "indsendt.");
  return exit_ok;
}

int approve(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto review =
      approve_review(*db, round_of(vm), case_of(vm), version_of(vm), ctx.actor, utc_now_iso());
  print_state(ctx, review, "godkendt.");
  return exit_ok;
}

int send_back(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto review = return_review(*db, round_of(vm), case_of(vm), version_of(vm),
                                    vm["reason"].as<std::string>(), ctx.actor, utc_now_iso());
  print_state(ctx, review, "sendt retur til koordinatoren.");
  return exit_ok;
}

int import(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const std::string file = vm["file"].as<std::string>();
  const bool draft = vm.count("draft") > 0;
  const auto summary =
      import_reviews(*db, round_of(vm), file, ReviewImportOptions{ctx.actor, utc_now_iso(), draft});
  if (vm.count("json")) {
    boost::json::object centers;
    for (const auto& [center, count] : summary.centers) centers[center] = count;
    print_json(ctx.out, boost::json::object{{"runde", summary.round_id},
                                            {"fil", summary.file},
                                            {"sha256", summary.sha256},
                                            {"tegnsaet", encoding_code(summary.encoding)},
                                            {"svar", summary.rows},
                                            {"sager", summary.reviews},
                                            {"kladde", draft},
                                            {"centre", centers}});
    return exit_ok;
  }
  ctx.out << summary.reviews << " sagsgennemgang(e) med " << summary.rows
          << " svar er indlæst i runde " << summary.round_id << " fra " << file << " (læst som "
          << describe(summary.encoding) << ").\n"
          << "De er nu '" << danish_label(draft ? ReviewState::in_progress : ReviewState::submitted)
          << "'.\n\n";
  TextTable table({"Center", "Sager"});
  for (const auto& [center, count] : summary.centers) {
    table.add_row({center, std::to_string(count)});
  }
  table.print(ctx.out);
  return exit_ok;
}

void review_options(po::options_description& options, bool with_version) {
  options.add_options()("round", po::value<std::string>()->required()->value_name("RUNDE"),
                        "rundens id, fx sygedagpenge-2027-K1")(
      "case", po::value<std::string>()->required()->value_name("SAGSNR"), "sagsnummeret");
  if (with_version) {
    options.add_options()("version", po::value<int>()->required()->value_name("N"),
                          "den version, du så ('review show'); er den ændret siden, afvises "
                          "ændringen");
  }
}

}  // namespace

std::vector<Command> review_commands() {
  return {
      Command{{"review", "show"},
              "vis en sagsgennemgang med svar",
              "--round RUNDE --case SAGSNR [--json]",
              "Viser tilstand, version og svar på hver kontrol i rundens kvalitetskoncept.\n"
              "Versionen skal angives, når gennemgangen ændres.",
              [](po::options_description& options, po::positional_options_description&) {
                review_options(options, false);
                options.add_options()("json", "skriv som JSON");
              },
              show},
      Command{{"review", "answer"},
              "besvar én kontrol i en sagsgennemgang (gemmes som kladde)",
              "--round RUNDE --case SAGSNR --version N --control ID (--answer SVAR | --clear) "
              "[--comment TEKST] [--amount BELØB --from DATO --to DATO]",
              "Gemmer svaret på én kontrol; de øvrige svar bevares. SVAR er korrekt, fejl,\n"
              "'ikke relevant' eller 'kan ikke vurderes'. Fejl og kan ikke vurderes kræver en\n"
              "kommentar. Beløb (kroner, fx 1.234,50) og berørt periode kun på en\n"
              "refusionsrelevant nøglekontrol med fejl eller kan ikke vurderes. En tildelt eller\n"
              "returneret gennemgang bliver 'i gang'. Skriv aldrig CPR-numre i kommentaren.\n"
              "Har en anden ændret gennemgangen siden versionen N, afvises ændringen (exit 4).",
              [](po::options_description& options, po::positional_options_description&) {
                review_options(options, true);
                options.add_options()("control",
                                      po::value<std::string>()->required()->value_name("ID"),
                                      "kontrollens id, fx SD-N01")(
                    "answer", po::value<std::string>()->value_name("SVAR"), "svaret")(
                    "clear", "fjern svaret på kontrollen")(
                    "comment", po::value<std::string>()->value_name("TEKST"), "kommentar")(
                    "amount", po::value<std::string>()->value_name("BELØB"), "beløb i kroner")(
                    "from", po::value<std::string>()->value_name("DATO"),
                    "berørt periode fra (dd-mm-åååå)")("to",
                                                       po::value<std::string>()->value_name("DATO"),
                                                       "berørt periode til (dd-mm-åååå)");
              },
              answer},
      Command{{"review", "submit"},
              "indsend en sagsgennemgang",
              "--round RUNDE --case SAGSNR --version N",
              "i gang → indsendt. Alle kontroller i konceptet skal være besvaret; ellers vises\n"
              "hver manglende kontrol, og intet ændres.",
              [](po::options_description& options, po::positional_options_description&) {
                review_options(options, true);
              },
              submit},
      Command{{"review", "approve"},
              "godkend en indsendt sagsgennemgang",
              "--round RUNDE --case SAGSNR --version N",
              "indsendt → godkendt. Godkendt er endeligt.",
              [](po::options_description& options, po::positional_options_description&) {
                review_options(options, true);
              },
              approve},
      Command{{"review", "return"},
              "send en indsendt sagsgennemgang retur med en begrundelse",
              "--round RUNDE --case SAGSNR --version N --reason TEKST",
              "indsendt → returneret. Koordinatoren retter og indsender igen; indtil da tæller\n"
              "gennemgangen ikke med i rapporterne.",
              [](po::options_description& options, po::positional_options_description&) {
                review_options(options, true);
                options.add_options()("reason",
                                      po::value<std::string>()->required()->value_name("TEKST"),
                                      "begrundelsen");
              },
              send_back},
      Command{{"review", "import"},
              "indlæs sagsgennemgange fra en CSV-fil",
              "--round RUNDE FIL [--draft] [--json]",
              "Filen er ';'-separeret med overskrift, én linje pr. svar:\n"
              "  sagsnummer;kontrol;svar;kommentar;beløb[;periode_fra;periode_til]\n"
              "(UTF-8 med eller uden BOM, ellers Windows-1252). Runden skal være 'under\n"
              "gennemgang', og hver sag skal være tildelt, i gang eller returneret. Hver sag skal\n"
              "have svar på alle kontroller (med --draft: gyldig kladde). Er der fejl, afvises\n"
              "hele filen, og alle fejl vises som fil:linje: felt: besked; intet gemmes.\n"
              "Ellers erstatter filens svar sagernes svar i én transaktion, og sagerne bliver\n"
              "'indsendt' (med --draft: 'i gang'). Godkendelse sker bagefter med\n"
              "'review approve'. Alt skrives i revisionsloggen.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("round",
                                      po::value<std::string>()->required()->value_name("RUNDE"),
                                      "rundens id")(
                    "file", po::value<std::string>()->required()->value_name("FIL"), "CSV-filen")(
                    "draft", "gem som kladder ('i gang') i stedet for at indsende")(
                    "json", "skriv resultatet som JSON");
                pos.add("file", 1);
              },
              import},
  };
}

}  // namespace sagsaudit::cli
