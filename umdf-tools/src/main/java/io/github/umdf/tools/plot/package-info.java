/**
 * Figures as PNG with JFreeChart (headless): metric against missing rate with a band of one
 * standard deviation over seeds (paper Figures 3-5), and the t-SNE scatter of joint
 * representations coloured negative / neutral / positive (paper Figure 6), with an exact t-SNE
 * ({@link io.github.umdf.tools.plot.Tsne}, van der Maaten and Hinton 2008) written here so that
 * no GPL library is needed.
 *
 * <p>The AWT headless mode is switched on (unless the JVM was started with an explicit
 * {@code -Djava.awt.headless=false}) before any chart class is used, so figures render on
 * servers without a display.
 */
package io.github.umdf.tools.plot;
