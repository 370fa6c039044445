// The texts of the pages that work on a meeting (components/meeting-tools-layout.tsx).
export { default } from "@/components/meeting-tools-layout";
