// Choices for the competent body of an occupation.
export const chamberChoices = [
  { id: 'ihk', name: 'IHK' },
  { id: 'hwk', name: 'HWK' },
  { id: 'other', name: 'andere zuständige Stelle' },
];
