package io.github.umdf.nn.config;

/**
 * The loss a regression network trains with, and the one it is selected on: model selection and early
 * stopping score the validation predictions with the same loss ({@link io.github.umdf.nn.model.ModelSpec#regressionLoss()}).
 */
public enum RegressionLoss {
    /** Mean squared error (the paper's). */
    MSE,
    /** Mean absolute error (MulT, MCTN and TransM train with it). */
    L1
}
