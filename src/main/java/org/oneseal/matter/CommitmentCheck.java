package org.oneseal.matter;

/**
 * 告知承诺制: how the bureau verifies a commitment after the decision (事中事后核查), as the matter's
 * implementation list sets it.
 *
 * @param method       DATA_CHECK (数据核查), ONSITE (现场核查) or SAMPLE (随机抽查)
 * @param percent      for SAMPLE, the share of cases drawn for checking (1–100); 100 otherwise
 * @param workingDays  working days after the decision by which the check is due
 */
public record CommitmentCheck(Method method, int percent, int workingDays) {

    /** What a matter that says nothing gets: a data check within 20 working days. */
    public static final CommitmentCheck DEFAULT = new CommitmentCheck(Method.DATA_CHECK, 100, 20);

    public enum Method {
        DATA_CHECK, ONSITE, SAMPLE
    }

    public CommitmentCheck {
        method = method == null ? Method.DATA_CHECK : method;
        percent = method == Method.SAMPLE ? percent : 100;
    }

    boolean valid() {
        return percent >= 1 && percent <= 100 && workingDays >= 1 && workingDays <= 250;
    }
}
