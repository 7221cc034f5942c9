/**
 * Speed and memory figures printed rather than asserted: training and inference samples per second,
 * resident memory over training steps.
 */
package io.github.umdf.tools.bench;
