/** The shared vocabularies results are mapped to: RIASEC interests, work values, competence evidence. */
package io.bilan.api.vocabulary;
