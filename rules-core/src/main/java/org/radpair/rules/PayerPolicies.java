package org.radpair.rules;

import java.util.EnumMap;
import java.util.Map;

import org.radpair.claim.PayerType;

/**
 * How each kind of payer wants a bilateral study of a one-sided code: one line with modifier 50
 * (Medicare), two lines with RT and LT (many Medicaid and commercial plans), or either. Configurable
 * by the service; the default follows Medicare and accepts either elsewhere.
 */
public record PayerPolicies(Map<PayerType, BilateralStyle> bilateral) {

    public enum BilateralStyle { MODIFIER_50, RT_LT_LINES, EITHER }

    public static final PayerPolicies DEFAULT = new PayerPolicies(Map.of(PayerType.MEDICARE, BilateralStyle.MODIFIER_50));

    public PayerPolicies {
        bilateral = bilateral.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(bilateral));
    }

    public BilateralStyle bilateralStyle(PayerType payer) {
        return bilateral.getOrDefault(payer, BilateralStyle.EITHER);
    }
}
