/** Anything with an amount in cents that asks for budget. */
export interface BudgetRequest {
  amountCents: number;
}

/** A request with its budget decision. */
export type BudgetDecision<T extends BudgetRequest> = T & {
  status: 'granted' | 'declined_budget';
  /** Total granted after this decision (including `alreadyGrantedCents`). */
  grantedTotalCents: number;
};

/** Result of {@link allocateBudget}. */
export interface BudgetAllocation<T extends BudgetRequest> {
  decisions: BudgetDecision<T>[];
  grantedCents: number;
  declinedCents: number;
  remainingCents: number;
}

/**
 * metrics.md §7 budget: awards are granted in the order their qualifying units occurred — the
 * order of `requests`, which the caller sorts — and an award that would push the campaign's
 * total past its budget is `declined_budget`. Each award is judged on its own, so a later,
 * smaller award that still fits is granted; an award that lands exactly on the budget is
 * granted. The granted total never exceeds the budget. Pure: the same list gives the same
 * decisions (the API must serialise concurrent events into that order).
 */
export function allocateBudget<T extends BudgetRequest>(
  budgetCents: number,
  requests: readonly T[],
  alreadyGrantedCents = 0,
): BudgetAllocation<T> {
  for (const [name, v] of [
    ['budgetCents', budgetCents],
    ['alreadyGrantedCents', alreadyGrantedCents],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`${name} must be a non-negative integer of cents, got ${v}`);
    }
  }
  let total = alreadyGrantedCents;
  let declined = 0;
  const decisions = requests.map((request) => {
    if (!Number.isSafeInteger(request.amountCents) || request.amountCents < 0) {
      throw new RangeError(
        `award amounts must be non-negative integer cents, got ${request.amountCents}`,
      );
    }
    const fits = total + request.amountCents <= budgetCents;
    if (fits) {
      total += request.amountCents;
    } else {
      declined += request.amountCents;
    }
    return {
      ...request,
      status: fits ? 'granted' : 'declined_budget',
      grantedTotalCents: total,
    } as BudgetDecision<T>;
  });
  return {
    decisions,
    grantedCents: total - alreadyGrantedCents,
    declinedCents: declined,
    remainingCents: Math.max(0, budgetCents - total),
  };
}
