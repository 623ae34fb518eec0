import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<byte[]> blocks = new ArrayList<>();
        while (true) {
            byte[] block = new byte[8 << 20];
            Arrays.fill(block, (byte) 1);
            blocks.add(block);
            System.out.println(blocks.size() * 8 + " MB");
        }
    }
}
