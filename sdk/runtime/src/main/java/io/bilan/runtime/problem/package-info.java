/**
 * The catalogue of the codes the runtime reports: {@link io.bilan.runtime.problem.ValidationCode}. A leaf
 * package, so every part of the runtime can name a code without depending on another part.
 */
package io.bilan.runtime.problem;
