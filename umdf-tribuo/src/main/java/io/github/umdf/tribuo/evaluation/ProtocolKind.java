package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.missing.ModalitySubset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which part of the paper's protocol to run. */
public enum ProtocolKind {
    /** The inter-modality table: the seven modality subsets at rate 0 (paper Tables 1-2). */
    INTER,
    /** The intra-modality sweep: every modality kept, frames dropped at each rate (paper Figures 3-5). */
    INTRA,
    /** Both. */
    ALL;

    /**
     * The conditions of this protocol for a data set with {@code available} modalities. Conditions
     * that need a modality the data set lacks are left out (reported as not applicable, never
     * evaluated on zeros).
     */
    public List<EvaluationCondition> conditions(Set<Modality> available, List<Double> rates) {
        Set<EvaluationCondition> out = new LinkedHashSet<>();
        if (this != INTRA) {
            for (ModalitySubset s : ModalitySubset.PAPER_CONDITIONS) {
                if (s.applicableTo(available)) {
                    out.add(new EvaluationCondition(s, 0.0));
                }
            }
        }
        if (this != INTER) {
            ModalitySubset all = ModalitySubset.of(available);
            for (double r : rates) {
                out.add(new EvaluationCondition(all, r));
            }
        }
        return new ArrayList<>(out);
    }

    /** The paper conditions a data set cannot be evaluated on. */
    public static List<ModalitySubset> notApplicable(Set<Modality> available) {
        List<ModalitySubset> out = new ArrayList<>();
        for (ModalitySubset s : ModalitySubset.PAPER_CONDITIONS) {
            if (!s.applicableTo(available)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Parses {@code inter}, {@code intra} or {@code all}. */
    public static ProtocolKind parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown protocol '" + s + "'; expected inter, intra or all");
        }
    }
}
