#include "domain/sample_size.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/special_functions.hpp"

namespace sagsaudit {
namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; keeps -Wpedantic quiet

constexpr std::int64_t kLargestMaxN = 1'000'000;

// A non-negative exact fraction; the expected errors x and the products e·n, t·N.
struct Fraction {
  i128 numerator = 0;
  i128 denominator = 1;  // > 0
};

Fraction fraction_of(const Decimal& d) {
  return Fraction{d.numerator, d.denominator};
}
Fraction times(const Fraction& f, std::int64_t k) {
  return Fraction{f.numerator * k, f.denominator};
}
i128 ceiling(const Fraction& f) {
  return (f.numerator + f.denominator - 1) / f.denominator;
}
double to_double(const Fraction& f) {
  return static_cast<double>(f.numerator) / static_cast<double>(f.denominator);
}
bool below_one(const Decimal& d) {
  return d.numerator < d.denominator;
}
bool is_whole(const Decimal& d) {
  return d.numerator % d.denominator == 0;
}
bool strictly_between_0_and_1(const Decimal& d) {
  return d.denominator > 0 && d.numerator > 0 && d.numerator < d.denominator;
}

std::string text(i128 value) {
  return std::to_string(static_cast<long long>(value));
}

Issue issue(const std::string& field, const std::string& message) {
  return Issue{"", 0, 0, field, message};
}

// x as a Decimal, in its shortest form. Throws when x needs more than 18 digits, which only
// a rate with very many decimals times a large n can do.
Decimal to_decimal(Fraction f) {
  while (f.denominator > 1 && f.denominator % 10 == 0 && f.numerator % 10 == 0) {
    f.numerator /= 10;
    f.denominator /= 10;
  }
  constexpr i128 kLimit = 1'000'000'000'000'000'000;
  if (f.numerator >= kLimit || f.denominator >= kLimit) {
    throw ValidationError(std::vector<Issue>{
        issue("expected", "has too many decimals to state the expected errors exactly")});
  }
  return Decimal{static_cast<std::int64_t>(f.numerator), static_cast<std::int64_t>(f.denominator)};
}

void check_confidence(const Decimal& confidence, std::vector<Issue>& issues) {
  if (!strictly_between_0_and_1(confidence)) {
    issues.push_back(issue("confidence", "must be strictly between 0 and 1, e.g. 0.95 (got " +
                                             confidence.to_string() + ")"));
  }
}

// The one-sided upper bound as a count K of errors in a population of N (jfa's .qhyper): the
// largest K in [lo, hi) for which seeing at most x errors in n is more likely than 1 − c.
// REQUIRES: that holds for K = lo and fails for K = hi.
std::int64_t hypergeometric_bound(std::int64_t x, std::int64_t n, std::int64_t population,
                                  double alpha, std::int64_t lo, std::int64_t hi) {
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    if (special::hypergeometric_cdf(x, population, mid, n) > alpha) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

}  // namespace

SamplePlan plan_sample_size(const SamplePlanInput& input) {
  const Decimal& t = input.tolerable;
  const Decimal& e = input.expected;
  const bool binomial = input.likelihood == Likelihood::binomial;
  const bool hypergeometric = input.likelihood == Likelihood::hypergeometric;

  // Validation, every problem at once.
  std::vector<Issue> issues;
  const bool tolerable_ok = strictly_between_0_and_1(t);
  if (!tolerable_ok) {
    issues.push_back(issue("tolerable", "must be a rate strictly between 0 and 1, e.g. 0.05 (got " +
                                            t.to_string() + ")"));
  }
  check_confidence(input.confidence, issues);
  const bool max_n_ok = input.max_n >= 1 && input.max_n <= kLargestMaxN;
  if (!max_n_ok) {
    issues.push_back(issue("max_n", "must be between 1 and " + std::to_string(kLargestMaxN) +
                                        " (got " + std::to_string(input.max_n) + ")"));
  }
  const bool expected_ok = e.denominator > 0 && e.numerator >= 0;
  if (!expected_ok) {
    issues.push_back(issue("expected",
                           "must be 0 or more: a rate below 1, or a count of errors of 1 or more "
                           "(got " +
                               e.to_string() + ")"));
  }
  const bool is_rate = expected_ok && below_one(e);
  // A count stays as given for poisson; binomial and hypergeometric need whole errors and
  // round it up (jfa does the same, with a message).
  Fraction count = fraction_of(e);
  if (expected_ok && !is_rate && input.likelihood != Likelihood::poisson) {
    count = Fraction{ceiling(count), 1};
  }
  if (expected_ok && is_rate && tolerable_ok && !(e < t)) {
    issues.push_back(issue("expected", "the expected error rate " + e.to_string() +
                                           " must be below the tolerable rate " + t.to_string()));
  }
  if (expected_ok && !is_rate && max_n_ok &&
      !(count.numerator < static_cast<i128>(input.max_n) * count.denominator)) {
    issues.push_back(issue("expected", "the expected count of errors " + e.to_string() +
                                           " must be below max_n " + std::to_string(input.max_n)));
  }
  std::int64_t population = 0;
  if (input.population) {
    population = *input.population;
    if (population < 1) {
      issues.push_back(
          issue("population", "must be 1 or more cases (got " + std::to_string(population) + ")"));
    }
  } else if (hypergeometric) {
    issues.push_back(issue("population",
                           "is required for the hypergeometric likelihood: the number of cases N"));
  }
  if (hypergeometric && population >= 1 && expected_ok && tolerable_ok) {
    const i128 tolerable_errors = ceiling(times(fraction_of(t), population));
    if (!is_rate) {
      if (!(count.numerator < static_cast<i128>(population) * count.denominator)) {
        issues.push_back(issue("population", "must be larger than the expected count of errors " +
                                                 e.to_string() + " (got " +
                                                 std::to_string(population) + ")"));
      } else if (!(count.numerator < tolerable_errors * count.denominator)) {
        issues.push_back(
            issue("expected", "the expected count of errors " + e.to_string() +
                                  " must be below the tolerable errors in the population, ceil(" +
                                  t.to_string() + " · " + std::to_string(population) +
                                  ") = " + text(tolerable_errors)));
      }
    } else {
      const i128 expected_errors = ceiling(times(fraction_of(e), population));
      if (!(expected_errors < tolerable_errors)) {
        issues.push_back(issue(
            "expected", "the expected errors in the population, ceil(" + e.to_string() + " · " +
                            std::to_string(population) + ") = " + text(expected_errors) +
                            ", must be below the tolerable errors, ceil(" + t.to_string() + " · " +
                            std::to_string(population) + ") = " + text(tolerable_errors)));
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));

  const double tolerable = t.to_double();
  const double confidence = input.confidence.to_double();
  const double alpha = 1.0 - confidence;  // as jfa's .qhyper computes 1 − p
  const std::int64_t tolerable_errors =
      hypergeometric ? static_cast<std::int64_t>(ceiling(times(fraction_of(t), population))) : 0;

  // Is the upper bound for x errors in n below the tolerable rate? Decided on the distribution
  // function, which is the same question as comparing the quantile, without solving for it:
  //   binomial        qbeta(c, 1+x, n−x) < t      ⇔  pbeta(t, 1+x, n−x) > c
  //   poisson         qgamma(c, 1+x, n) < t       ⇔  pgamma(n·t, 1+x) > c
  //   hypergeometric  .qhyper(c, N, n, x)/N < t   ⇔  phyper(x, K_t, N−K_t, n) ≤ 1 − c,
  //                   with K_t = ceil(t·N), since phyper falls as K grows.
  auto sufficient = [&](std::int64_t n, const Fraction& x) {
    switch (input.likelihood) {
      case Likelihood::binomial: {
        const auto errors = static_cast<std::int64_t>(x.numerator);
        if (errors >= n) return false;  // qbeta(c, n+1, 0) = 1
        return special::regularized_beta(tolerable, static_cast<double>(1 + errors),
                                         static_cast<double>(n - errors)) > confidence;
      }
      case Likelihood::poisson: {
        const double scaled = to_double(times(fraction_of(t), n));
        return special::regularized_gamma_p(1.0 + to_double(x), scaled) > confidence;
      }
      case Likelihood::hypergeometric:
        return special::hypergeometric_cdf(static_cast<std::int64_t>(x.numerator), population,
                                           tolerable_errors, n) <= alpha;
    }
    return false;
  };

  // jfa tries n = 1, 2, … , max. Beyond N a hypergeometric sample is meaningless, and n = N
  // always suffices there (x < ceil(t·N) was checked above).
  const std::int64_t limit = hypergeometric ? std::min(input.max_n, population) : input.max_n;
  std::int64_t n = 1;
  while (n <= limit) {
    Fraction x = is_rate ? times(fraction_of(e), n) : count;
    if (hypergeometric) x = Fraction{ceiling(x), 1};
    // jfa skips the sample sizes that cannot hold x errors (n ≤ x), keeping the x it
    // computed for the first of them.
    while (n <= limit && static_cast<i128>(n) * x.denominator <= x.numerator) ++n;
    if (n > limit) break;
    if (binomial) x = Fraction{ceiling(x), 1};
    if (sufficient(n, x)) {
      SamplePlan plan;
      plan.n = n;
      plan.expected_errors = to_decimal(x);
      switch (input.likelihood) {
        case Likelihood::binomial:
          plan.upper_bound = special::inverse_regularized_beta(
              confidence, 1.0 + to_double(x), static_cast<double>(n) - to_double(x));
          break;
        case Likelihood::poisson:
          plan.upper_bound = special::inverse_regularized_gamma_p(1.0 + to_double(x), confidence) /
                             static_cast<double>(n);
          break;
        case Likelihood::hypergeometric: {
          const auto errors = static_cast<std::int64_t>(x.numerator);
          const std::int64_t bound =
              hypergeometric_bound(errors, n, population, alpha, errors, tolerable_errors);
          plan.population_errors_bound = bound;
          plan.upper_bound = static_cast<double>(bound) / static_cast<double>(population);
          break;
        }
      }
      return plan;
    }
    ++n;
  }
  throw ValidationError(std::vector<Issue>{
      issue("max_n", "no sample size n ≤ " + std::to_string(limit) +
                         " gives an upper bound below the tolerable rate " + t.to_string() +
                         " at confidence " + input.confidence.to_string() +
                         "; raise max_n or the tolerable rate, or lower the expected errors")});
}

SampleEvaluation evaluate_sample(const SampleEvaluationInput& input) {
  const Decimal& errors = input.errors;
  const bool hypergeometric = input.likelihood == Likelihood::hypergeometric;

  std::vector<Issue> issues;
  if (input.n < 1) {
    issues.push_back(issue("n", "must be 1 or more cases (got " + std::to_string(input.n) + ")"));
  }
  check_confidence(input.confidence, issues);
  const bool errors_ok = errors.denominator > 0 && errors.numerator >= 0;
  if (!errors_ok) {
    issues.push_back(issue("errors", "must be 0 or more (got " + errors.to_string() + ")"));
  } else if (input.n >= 1 && decimal_from_int(input.n) < errors) {
    issues.push_back(issue("errors", "must be at most the sample size " + std::to_string(input.n) +
                                         " (got " + errors.to_string() + ")"));
  } else if (hypergeometric && !is_whole(errors)) {
    issues.push_back(issue("errors",
                           "must be a whole number for the hypergeometric likelihood "
                           "(got " +
                               errors.to_string() + ")"));
  }
  if (input.population) {
    if (*input.population < 1 || *input.population < input.n) {
      issues.push_back(issue("population", "must be at least the sample size " +
                                               std::to_string(input.n) + " (got " +
                                               std::to_string(*input.population) + ")"));
    }
  } else if (hypergeometric) {
    issues.push_back(issue("population",
                           "is required for the hypergeometric likelihood: the number of cases N"));
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));

  const double confidence = input.confidence.to_double();
  const double x = errors.to_double();
  const double n = static_cast<double>(input.n);
  SampleEvaluation result;
  switch (input.likelihood) {
    case Likelihood::binomial:
      result.upper_bound =
          x >= n ? 1.0 : special::inverse_regularized_beta(confidence, 1.0 + x, n - x);
      break;
    case Likelihood::poisson:
      result.upper_bound = special::inverse_regularized_gamma_p(1.0 + x, confidence) / n;
      break;
    case Likelihood::hypergeometric: {
      const std::int64_t population = *input.population;
      const std::int64_t k = errors.numerator / errors.denominator;
      const double alpha = 1.0 - confidence;
      std::int64_t bound = population;
      if (!(special::hypergeometric_cdf(k, population, population, input.n) > alpha)) {
        bound = hypergeometric_bound(k, input.n, population, alpha, k, population);
      }
      result.population_errors_bound = bound;
      result.upper_bound = static_cast<double>(bound) / static_cast<double>(population);
      break;
    }
  }
  return result;
}

}  // namespace sagsaudit
