#!/usr/bin/env python3
"""Writes the built-in catalogue's French details and its newer occupations from the *.psv files beside this script.

Run by hand when the .psv files change, with the O*NET 29.3 text files and France Travail's ROME export (RefRomeCsv)
at hand; neither is copied into the project:

    python3 sdk/profile/catalogue/build_catalogue.py --onet /data/onet --rome /data/rome

What it does (see docs/occupations.md):
- checks every ROME code against the export and every O*NET-SOC code against the O*NET files;
- takes each occupation's RIASEC and work-value figures from the O*NET occupation its row names;
- adds to the first 156 occupations (existing.psv) their ROME codes, qualification, training length, prerequisites
  and working conditions, and writes the newer occupations (the other .psv files) in the catalogue's JSON format;
- links occupations that ROME's mobility links (or a shared code) make close;
- writes rome-titles.csv: the ROME job titles (appellations) of the codes the catalogue uses, for search: each
  code's own title, then the long form of each job title and, where it differs, its short form (the one job offers
  show, with abbreviations such as « Chef(fe) d'équipe câblage fabric matériels électroméca »).
"""
import argparse
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, '..', 'src', 'main', 'resources', 'io', 'bilan', 'occupation', 'catalogue')
FIRST_FILES = ['production-trades-science.json', 'services-care-education.json', 'business-digital-arts-public.json']
NEW_FILES = {'health-care-education.psv': 'france-health-care-education.json',
             'other-domains.psv': 'france-other-domains.json'}

COMPETENCES = {
    'ps': 'public-speaking', 'wc': 'written-communication', 'al': 'active-listening', 'pe': 'persuasion',
    'io': 'instructing-others', 'em': 'empathy', 'tw': 'teamwork', 'cr': 'conflict-resolution', 'ne': 'negotiation',
    'nw': 'networking', 'co': 'customer-orientation', 'le': 'leadership', 'or': 'organisation',
    'dm': 'decision-making', 'ad': 'attention-to-detail', 'pb': 'problem-solving', 'an': 'analytical-thinking',
    'ct': 'critical-thinking', 'cv': 'creativity', 'nu': 'numeracy', 'ds': 'digital-skills', 'ap': 'adaptability',
    'sm': 'stress-management', 'au': 'autonomy', 'in': 'initiative', 're': 'reliability', 'll': 'learning-to-learn',
}
CONDITIONS = {
    'N': 'night-work', 'S': 'shift-work', 'W': 'weekend-work', 'O': 'on-call', 'P': 'physical-load',
    'R': 'repetitive-work', 'X': 'outdoor-work', 'T': 'travel', 'E': 'emotional-load', 'D': 'daytime-hours',
    'H': 'remote-work',
}
VALUES = ['Achievement', 'Working Conditions', 'Recognition', 'Relationships', 'Support', 'Independence']
VALUE_IDS = ['achievement', 'working-conditions', 'recognition', 'relationships', 'support', 'independence']
AREAS = ['Realistic', 'Investigative', 'Artistic', 'Social', 'Enterprising', 'Conventional']
MAX_CLOSE = 10

TRAINING_SOURCE = ('Bilan, from the usual length of the French route named in its routes; qualification level on the'
                   ' French nomenclature of 2019')
CONDITIONS_SOURCE = ("estimated by Bilan from the work as ROME describes it, in the terms of ROME's working contexts"
                     ' (the open-data export does not link codes to contexts)')


def rows(path, delimiter=','):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def rome_file(folder, kind):
    for name in sorted(os.listdir(folder)):
        if name.startswith(kind + '_v') and name.endswith('_utf8.csv'):
            return os.path.join(folder, name)
    sys.exit('no ' + kind + ' file in ' + folder)


def psv(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return [line.rstrip('\n').split('|') for line in f if line.strip() and not line.startswith('#')]


def compact(occupations):
    """The catalogue's layout: one key a line, small values on their line, one route or source a line."""
    def one(value):
        return json.dumps(value, ensure_ascii=False)
    blocks = []
    for occupation in occupations:
        lines = []
        for key, value in occupation.items():
            if key in ('routes', 'sources') and value:
                items = value.items() if isinstance(value, dict) else None
                inner = [('      ' + one(k) + ': ' + one(v)) for k, v in items] if items else \
                    [('      ' + one(v)) for v in value]
                opening, closing = ('{', '}') if items else ('[', ']')
                lines.append('    ' + one(key) + ': ' + opening + '\n' + ',\n'.join(inner) + '\n    ' + closing)
            else:
                lines.append('    ' + one(key) + ': ' + one(value))
        blocks.append('  {\n' + ',\n'.join(lines) + '\n  }')
    return '[\n' + ',\n'.join(blocks) + '\n]\n'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--onet', required=True)
    parser.add_argument('--rome', required=True)
    args = parser.parse_args()

    onet_titles = {r['O*NET-SOC Code']: r['Title'] for r in rows(os.path.join(args.onet, 'Occupation Data.txt'), '\t')}
    interests, values = {}, {}
    for r in rows(os.path.join(args.onet, 'Interests.txt'), '\t'):
        if r['Scale ID'] == 'OI':
            interests.setdefault(r['O*NET-SOC Code'], {})[r['Element Name']] = float(r['Data Value'])
    for r in rows(os.path.join(args.onet, 'Work Values.txt'), '\t'):
        if r['Scale ID'] == 'EX':
            values.setdefault(r['O*NET-SOC Code'], {})[r['Element Name']] = float(r['Data Value'])

    codes = {r['code_rome']: r['libelle_rome'] for r in rows(rome_file(args.rome, 'unix_referentiel_code_rome'))}
    titles = {}
    for r in rows(rome_file(args.rome, 'unix_referentiel_appellation')):
        titles.setdefault(r['code_rome'], []).append(r['libelle_appellation_long'])
        titles[r['code_rome']].append(r['libelle_appellation_court'])
    mobility = {}
    for r in rows(rome_file(args.rome, 'unix_rubrique_mobilite')):
        mobility.setdefault(r['code_rome'], []).append((int(r['numero_ordre']), r['code_rome_cible']))

    problems = []

    def check_codes(oid, rome):
        for code in rome:
            if code not in codes:
                problems.append(oid + ': ROME code ' + code + ' is not in the export')

    def figures(oid, soc):
        six = interests.get(soc, {})
        extent = values.get(soc, {})
        if len(six) != 6 or len(extent) != 6:
            problems.append(oid + ': O*NET ' + soc + ' has no six interests and six values')
            return None, None
        return ({a[0]: six[a] for a in AREAS}, {VALUE_IDS[i]: extent[v] for i, v in enumerate(VALUES)})

    def sources(soc):
        onet = 'O*NET 29.3, ' + soc + ' (' + onet_titles.get(soc, '?') + '), the closest O*NET occupation, chosen by Bilan'
        return {'interests': onet, 'values': onet,
                'competences': 'estimated by Bilan from the work as its ROME codes describe it',
                'training': TRAINING_SOURCE, 'conditions': CONDITIONS_SOURCE}

    def details(oid, rome, qualification, months, conditions, requires):
        check_codes(oid, rome)
        for letter in conditions:
            if letter not in CONDITIONS:
                problems.append(oid + ': unknown condition ' + letter)
        return {'rome': rome, 'qualification': None if qualification == '-' else int(qualification),
                'trainingMonths': int(months), 'requires': requires.split() if requires else [],
                'conditions': [CONDITIONS[c] for c in conditions if c in CONDITIONS]}

    occupations = {}  # id -> (file, occupation)
    existing = {row[0]: row for row in psv('existing.psv')}
    for name in FIRST_FILES:
        with open(os.path.join(CATALOGUE, name), encoding='utf-8') as f:
            for occupation in json.load(f):
                row = existing.pop(occupation['id'], None)
                if row is None:
                    problems.append(occupation['id'] + ': not in existing.psv')
                    continue
                oid, rome, qualification, months, conditions, requires = row
                for key in ['rome', 'qualification', 'trainingMonths', 'requires', 'conditions', 'closeTo', 'sources']:
                    occupation.pop(key, None)
                occupation.update(details(oid, rome.split(), qualification, months, conditions, requires))
                occupation['sources'] = sources(occupation['onet'])
                occupations[oid] = (name, occupation)
    problems.extend(oid + ': in existing.psv but not in the catalogue' for oid in existing)

    for source, target in NEW_FILES.items():
        for row in psv(source):
            if len(row) != 17:
                problems.append(row[0] + ': ' + str(len(row)) + ' fields, expected 17')
                continue
            (oid, rome, sector, level, qualification, months, soc, isco, conditions, requires, competences,
             title_fr, title_en, description_fr, description_en, route_fr, route_en) = row
            six, extent = figures(oid, soc)
            required = []
            for item in competences.split():
                if item[:2] not in COMPETENCES or not item[2:].isdigit():
                    problems.append(oid + ': competence ' + item)
                    continue
                required.append({'id': COMPETENCES[item[:2]], 'level': int(item[2:])})
            occupation = {'id': oid, 'title': {'fr': title_fr, 'en': title_en},
                          'description': {'fr': description_fr, 'en': description_en}, 'sector': sector,
                          'level': int(level), 'onet': soc, 'isco': isco, 'interests': six, 'values': extent,
                          'competences': required, 'routes': [{'fr': route_fr, 'en': route_en}]}
            occupation.update(details(oid, rome.split(), qualification, months, conditions, requires))
            occupation['sources'] = sources(soc)
            if oid in occupations:
                problems.append(oid + ': id used twice')
            occupations[oid] = (target, occupation)

    by_code = {}
    for oid, (_, occupation) in occupations.items():
        for code in occupation['rome']:
            by_code.setdefault(code, []).append(oid)
        for required in occupation['requires']:
            if required not in occupations:
                problems.append(oid + ': requires unknown occupation ' + required)
    for oid, (_, occupation) in occupations.items():
        close = []
        for code in occupation['rome']:
            close.extend(other for other in by_code[code] if other != oid)
        for code in occupation['rome']:
            for _, target in sorted(mobility.get(code, [])):
                close.extend(by_code.get(target, []))
        seen = []
        for other in close:
            if other != oid and other not in seen:
                seen.append(other)
        occupation['closeTo'] = seen[:MAX_CLOSE]
        sources_block = occupation.pop('sources')
        occupation['sources'] = sources_block

    if problems:
        sys.exit('\n'.join(problems))

    files = {}
    for oid, (name, occupation) in occupations.items():
        files.setdefault(name, []).append(occupation)
    for name, content in files.items():
        with open(os.path.join(CATALOGUE, name), 'w', encoding='utf-8') as f:
            f.write(compact(content))
    used = sorted(by_code)
    with open(os.path.join(CATALOGUE, 'rome-titles.csv'), 'w', encoding='utf-8', newline='') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['code_rome', 'title'])
        count = 0
        for code in used:
            written = [codes[code]]
            for title in titles.get(code, []):
                if title and title not in written:
                    written.append(title)
            for title in written:
                out.writerow([code, title])
            count += len(written) - 1
    print(len(occupations), 'occupations,', len(used), 'ROME codes,', count, 'job titles besides the codes\' own')


if __name__ == '__main__':
    main()
