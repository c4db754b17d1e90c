export default function Home() {
  return (
    <main>
      <h1>Spine Red-Flag Screener</h1>
    </main>
  );
}
