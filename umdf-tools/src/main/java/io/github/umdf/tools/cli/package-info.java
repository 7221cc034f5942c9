/**
 * The {@code umdf} command line (picocli). Commands are thin: they parse, call the library
 * ({@code io.github.umdf.tools.protocol} and the other modules) and print.
 */
package io.github.umdf.tools.cli;
