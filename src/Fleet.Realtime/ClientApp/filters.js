// Company and group filters, offered from the companies and groups seen in the snapshot and live updates.
export function createFilters(onChange) {
  const companies = document.getElementById('filter-companies');
  const groups = document.getElementById('filter-groups');
  const seen = { companies: new Set(), groups: new Set() };

  const selected = (select) => [...select.selectedOptions].map((o) => o.value);

  function offer(select, values) {
    const chosen = new Set(selected(select));
    const sorted = [...values].sort();
    if (sorted.length === select.options.length) return;
    select.replaceChildren(...sorted.map((v) => new Option(v, v, false, chosen.has(v))));
    select.size = Math.min(Math.max(sorted.length, 1), 4);
  }

  companies.addEventListener('change', onChange);
  groups.addEventListener('change', onChange);
  document.getElementById('filter-clear').addEventListener('click', () => {
    [...companies.options, ...groups.options].forEach((o) => { o.selected = false; });
    onChange();
  });

  return {
    value: () => ({ companyIds: selected(companies), groupIds: selected(groups) }),
    learn(items) {
      for (const item of items) {
        seen.companies.add(item.companyId);
        (item.groupIds || []).forEach((g) => seen.groups.add(g));
      }
      offer(companies, seen.companies);
      offer(groups, seen.groups);
    },
  };
}
