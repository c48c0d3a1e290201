/** Score reports and the problems found in packages and response sets. */
package io.bilan.api.report;
